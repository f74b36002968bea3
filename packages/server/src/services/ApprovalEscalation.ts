import { Repeating } from './Repeating.js';
import { pickText } from '@aftersales/engine';
import { timeOrderedId } from './ids.js';
import type { Store } from '../store/Store.js';
import type { Approval, StoredRecord, User } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { DefinitionService } from './DefinitionService.js';

/** Where approvals nobody can decide go: flagged at once to `flagRole`, handed to `escalateTo` after `afterMs`. */
export interface EscalationOptions {
  /** Policy role told at once that nobody in the store holds an approval's role (the store's managers). */
  flagRole: string;
  /** Policy role that may decide such an approval once it has waited `afterMs`. */
  escalateTo: string;
  afterMs: number;
}

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

  constructor(
    private readonly store: Store,
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

  /** Whether a pending approval has escalated now: nobody holds its role in the store and it waited long enough. */
  async escalated(approval: Approval, users?: readonly User[]): Promise<boolean> {
    if (approval.state !== 'pending') return false;
    if (this.clock().getTime() - Date.parse(approval.createdAt) < this.options.afterMs) return false;
    const record = await this.store.getRecord(approval.recordId);
    return record !== null && !ApprovalEscalation.held(approval.approver, record, users ?? (await this.store.listUsers()));
  }

  /** Pending approvals escalated now (for the inbox of the escalation role's holders). */
  async escalatedApprovals(): Promise<Approval[]> {
    const users = await this.store.listUsers();
    const out: Approval[] = [];
    for await (const approval of this.pending()) if (await this.escalated(approval, users)) out.push(approval);
    return out;
  }

  /** Every pending approval, a keyset page at a time (no silent cap), the event loop getting a turn between pages. */
  private async *pending(): AsyncGenerator<Approval> {
    let after: [string, string] | undefined;
    for (;;) {
      const page = await this.store.pageApprovals({ state: 'pending', limit: 100, ...(after ? { after } : {}) });
      yield* page.items;
      const last = page.items.at(-1);
      if (!page.more || !last) return;
      after = [last.createdAt, last.id];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One pass: flags and escalates what is due; answers how many notices it posted. */
  async tick(): Promise<{ flagged: number; escalated: number }> {
    const now = this.clock();
    const users = await this.store.listUsers();
    const roles = (await this.definitions.publishedPack()).roles?.definition.roles ?? [];
    const label = (id: string) => roles.find((r) => r.id === id)?.label ?? { 'zh-CN': id, en: id };
    let flagged = 0;
    let escalated = 0;
    for await (const approval of this.pending()) {
      const record = await this.store.getRecord(approval.recordId);
      if (!record || ApprovalEscalation.held(approval.approver, record, users)) continue;
      const role = label(approval.approver);
      const where = record.store ? { zh: `门店“${record.store}”`, en: `store "${record.store}"` } : { zh: '本系统', en: 'the system' };
      const flag = await this.store.postNotification({
        id: timeOrderedId(),
        uniqueKey: `approval-unheld|${approval.id}`,
        at: now.toISOString(),
        role: this.options.flagRole,
        person: null,
        recordId: record.id,
        message: {
          'zh-CN': `${where.zh}无人担任“${pickText(role, 'zh-CN')}”，审批无人处理：${approval.reason['zh-CN']}`,
          en: `Nobody in ${where.en} is ${pickText(role, 'en')}: nobody can decide this approval: ${approval.reason.en}`,
        },
      });
      if (flag) flagged++;
      if (now.getTime() - Date.parse(approval.createdAt) < this.options.afterMs) continue;
      const to = label(this.options.escalateTo);
      const raised = await this.store.postNotification({
        id: timeOrderedId(),
        uniqueKey: `approval-escalated|${approval.id}`,
        at: now.toISOString(),
        role: this.options.escalateTo,
        person: null,
        recordId: record.id,
        message: {
          'zh-CN': `审批已转交${pickText(to, 'zh-CN')}（无人担任“${pickText(role, 'zh-CN')}”）：${approval.reason['zh-CN']}`,
          en: `Approval passed to the ${pickText(to, 'en')} (nobody is ${pickText(role, 'en')}): ${approval.reason.en}`,
        },
      });
      if (raised) escalated++;
    }
    return { flagged, escalated };
  }

  start(intervalMs: number): void {
    this.repeating.start(intervalMs);
  }

  stop(): void {
    this.repeating.stop();
  }
}
