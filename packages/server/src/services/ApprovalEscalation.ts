import { Repeating } from './Repeating.js';
import { pickText } from '@aftersales/engine';
import { timeOrderedId } from './ids.js';
import type { RoleHolders } from '../store/ports/ApprovalsRepository.js';
import type { Approval, StoredRecord, User } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { DefinitionService } from './DefinitionService.js';
import type { Repositories } from '../store/Store.js';
import type { UsersRepository } from '../store/ports/UsersRepository.js';
import type { NotificationsRepository } from '../store/ports/NotificationsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = Pick<Repositories, 'approvals'> & UsersRepository & NotificationsRepository;

/** Where approvals nobody can decide go: flagged at once to `flagRole`, handed to `escalateTo` after `afterMs`. */
export interface EscalationOptions {
  /** Policy role told at once that nobody in the store holds an approval's role (the store's managers). */
  flagRole: string;
  /** Policy role that may decide such an approval once it has waited `afterMs`. */
  escalateTo: string;
  afterMs: number;
}

/** Approvals read per page by the tick. */
const PAGE = 500;

type PendingPage = { approval: Approval; store: string | null }[];

export const DEFAULT_ESCALATION: EscalationOptions = {
  flagRole: 'afterSalesManager',
  escalateTo: 'generalManager',
  afterMs: 24 * 3_600_000,
};

/**
 * Approvals waiting on a policy role nobody holds in the record's store: the managers are told at
 * once, and after the configured time the approval escalates (its holders may decide it, and are
 * told). Runs on an interval beside the scheduler; every notice is posted once per approval
 * (unique keys), so several instances may run it.
 */
export class ApprovalEscalation {
  private readonly repeating = new Repeating('approval escalation', () => this.tick());
  /** Young approvals this instance told the managers about already (their notice is posted once anyway: unique keys). */
  private readonly told = new Set<string>();

  constructor(
    private readonly store: StorePorts,
    private readonly definitions: DefinitionService,
    private readonly clock: Clock,
    readonly options: EscalationOptions = DEFAULT_ESCALATION,
  ) {}

  /** Whether someone may decide approvals for `approver` on a record of this store (users without stores: every store). */
  static held(approver: string, record: Pick<StoredRecord, 'store'>, users: readonly User[]): boolean {
    return users.some(
      (u) => u.policyRoles.includes(approver) && (record.store === null || u.stores.length === 0 || u.stores.includes(record.store)),
    );
  }

  /** Where each policy role is held, from the users (the same rule as `held`), for the store to skip approvals someone can decide. */
  static holders(users: readonly User[]): RoleHolders {
    const everywhere = new Set<string>();
    const stores = new Map<string, Set<string>>();
    for (const u of users)
      for (const role of u.policyRoles) {
        if (u.stores.length === 0) everywhere.add(role);
        else for (const s of u.stores) stores.set(role, (stores.get(role) ?? new Set()).add(s));
      }
    return {
      everywhere: [...everywhere],
      inStores: [...stores].filter(([role]) => !everywhere.has(role)).map(([approver, s]) => ({ approver, stores: [...s] })),
    };
  }

  /** Whether a pending approval has escalated (the tick marked it: nobody in its store held its role once it had waited long enough). */
  escalated(approval: Approval): boolean {
    return approval.state === 'pending' && approval.escalatedAt !== undefined;
  }

  /**
   * Pending approvals not escalated yet in a creation range, oldest first, a keyset page at a time
   * through an index (store/sqlite/queries/approvals.ts), the event loop getting a turn between pages.
   */
  private async *unescalated(range: { createdUpTo?: string; createdAfter?: string; unheld: RoleHolders }): AsyncGenerator<PendingPage> {
    let after: [string, string] | undefined;
    for (;;) {
      const page = await this.store.approvals.pendingUnescalated({ ...range, limit: PAGE, ...(after ? { after } : {}) });
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (page.length < PAGE || !last) return;
      after = [last.approval.createdAt, last.approval.id];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * One pass: approvals that waited `afterMs` with nobody holding their role in their store are
   * marked escalated (one transaction per page, each audited on its record's history; an approval
   * is marked by one instance only, which posts its notices), and younger ones nobody can decide are flagged to the managers (once per
   * approval: unique keys). Reads only pending, unmarked approvals, with the store they carry.
   */
  async tick(): Promise<{ flagged: number; escalated: number }> {
    const now = this.clock();
    const threshold = new Date(now.getTime() - this.options.afterMs).toISOString();
    const users = await this.store.listUsers();
    const roles = (await this.definitions.publishedPack()).roles?.definition.roles ?? [];
    const label = (id: string) => roles.find((r) => r.id === id)?.label ?? { 'zh-CN': id, en: id };
    // The store skips approvals someone can decide: only those nobody holds the role for come back.
    const unheld = ApprovalEscalation.holders(users);
    let flagged = 0;
    let escalated = 0;
    for await (const page of this.unescalated({ createdUpTo: threshold, unheld })) {
      const due = page;
      const marked = new Set(
        await this.store.approvals.markEscalated(
          due.map((p) => p.approval.id),
          now.toISOString(),
          this.options.escalateTo,
        ),
      );
      for (const p of due) this.told.delete(p.approval.id);
      for (const p of due.filter((d) => marked.has(d.approval.id))) {
        if (await this.flag(p, now, label)) flagged++;
        const { approval } = p;
        const role = label(approval.approver);
        const to = label(this.options.escalateTo);
        const raised = await this.store.postNotification({
          id: timeOrderedId(),
          uniqueKey: `approval-escalated|${approval.id}`,
          at: now.toISOString(),
          role: this.options.escalateTo,
          person: null,
          recordId: approval.recordId,
          message: {
            'zh-CN': `审批已转交${pickText(to, 'zh-CN')}（无人担任“${pickText(role, 'zh-CN')}”）：${approval.reason['zh-CN']}`,
            en: `Approval passed to the ${pickText(to, 'en')} (nobody is ${pickText(role, 'en')}): ${approval.reason.en}`,
          },
        });
        if (raised) escalated++;
      }
    }
    for await (const page of this.unescalated({ createdAfter: threshold, unheld }))
      for (const p of page)
        if (!this.told.has(p.approval.id)) {
          if (await this.flag(p, now, label)) flagged++;
          this.told.add(p.approval.id);
        }
    return { flagged, escalated };
  }

  /** Tells the managers nobody in the store holds the approval's role (once per approval); true when this call told them. */
  private async flag(p: PendingPage[number], now: Date, label: (id: string) => { 'zh-CN': string; en: string }): Promise<boolean> {
    const { approval, store } = p;
    const role = label(approval.approver);
    const where = store ? { zh: `门店“${store}”`, en: `store "${store}"` } : { zh: '本系统', en: 'the system' };
    return this.store.postNotification({
      id: timeOrderedId(),
      uniqueKey: `approval-unheld|${approval.id}`,
      at: now.toISOString(),
      role: this.options.flagRole,
      person: null,
      recordId: approval.recordId,
      message: {
        'zh-CN': `${where.zh}无人担任“${pickText(role, 'zh-CN')}”，审批无人处理：${approval.reason['zh-CN']}`,
        en: `Nobody in ${where.en} is ${pickText(role, 'en')}: nobody can decide this approval: ${approval.reason.en}`,
      },
    });
  }

  start(intervalMs: number): void {
    this.repeating.start(intervalMs);
  }

  stop(): void {
    this.repeating.stop();
  }
}
