import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import type { Approval } from '../store/types.js';
import type { Clock } from './Clock.js';
import { hasRole, maySee, recordScope, type Principal, actorOf } from './Principal.js';
import { decisionNotice } from './approvals/decisionNotice.js';
import { approvalKey } from '../store/mergeApprovals.js';
import type { ApprovalEscalation } from './ApprovalEscalation.js';
import type { ApprovalsRepository } from '../store/ports/ApprovalsRepository.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';
import type { NotificationsRepository } from '../store/ports/NotificationsRepository.js';
import type { UsersRepository } from '../store/ports/UsersRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = ApprovalsRepository & RecordsRepository & NotificationsRepository & UsersRepository;

/** Approval tasks: the users who hold the named policy role (or an admin) approve or reject with a comment. */
export class ApprovalService {
  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    /** Approvals nobody in the store can decide escalate to its role's holders. */
    private readonly escalation?: ApprovalEscalation,
    /** A policy role's name in both languages, for the decision notice. */
    private readonly roleLabel?: (id: string) => Promise<{ 'zh-CN': string; en: string }>,
  ) {}

  /** A page of the approvals this person may decide (all of them for an admin), newest first (store/paging.ts). */
  async inboxPage(principal: Principal, state: Approval['state'], page: { limit: number; after?: [string, string] }) {
    const approvers = hasRole(principal, ['admin']) ? undefined : principal.kind === 'user' ? principal.user.policyRoles : [];
    // Escalated approvals wait for the escalation role's holders too (marked by the tick, read through an index).
    const escalated =
      approvers !== undefined &&
      this.escalation !== undefined &&
      state === 'pending' &&
      approvers.includes(this.escalation.options.escalateTo);
    // Only approvals of records within the caller's store scope (a policy role is per store), before the limit.
    const scope = recordScope(principal);
    return this.store.pageApprovals({
      state,
      ...(approvers ? { approvers, ...(escalated ? { alsoEscalated: true } : {}) } : {}),
      ...(scope ? { visibleTo: scope } : {}),
      ...page,
    });
  }

  async decide(id: string, decision: 'approve' | 'reject', comment: string, principal: Principal): Promise<Approval> {
    const approval = await this.store.getApproval(id);
    if (!approval) throw new DomainError('approval.notFound', { id });
    const mayDecide =
      hasRole(principal, ['admin']) ||
      (principal.kind === 'user' && principal.user.policyRoles.includes(approval.approver)) ||
      (principal.kind === 'user' &&
        this.escalation !== undefined &&
        principal.user.policyRoles.includes(this.escalation.options.escalateTo) &&
        this.escalation.escalated(approval));
    if (!mayDecide) throw new DomainError('approval.notApprover', { approver: approval.approver });
    const record = await this.store.getRecord(approval.recordId);
    // No one approves (or rejects) their own record.
    if (record && principal.kind === 'user' && record.createdBy === principal.user.username)
      throw new DomainError(
        'approval.ownRecord',
        {},
        {
          details: [domainDetail('/decision', 'detail.approverIsCreator', {}, 'approval.self')],
        },
      );
    if (approval.state !== 'pending')
      throw new DomainError(approval.state === 'approved' ? 'approval.alreadyApproved' : 'approval.alreadyRejected', {});
    const decided: Approval = {
      ...approval,
      state: decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: actorOf(principal),
      decidedAt: this.clock().toISOString(),
      comment,
    };
    if (!(await this.store.decideApproval(decided, actorOf(principal)))) throw new DomainError('approval.decidedMeanwhile', {});
    // Whoever asked hears the decision and its reason (in the app, and on the store's channels).
    if (record) {
      const notice = decisionNotice(decided, record, await this.store.userByUsername(record.createdBy), {
        approver: this.roleLabel ? await this.roleLabel(approval.approver) : { 'zh-CN': approval.approver, en: approval.approver },
        decidedBy: principal.kind === 'user' ? principal.user.displayName : actorOf(principal),
      });
      if (notice) await this.store.postNotification(notice);
    }
    return decided;
  }

  /**
   * A manager takes back a pending approval with a reason, once the record's policy no longer asks
   * for it (e.g. a complaint entered as serious by mistake and corrected). While the policy still
   * asks, only an approver's decision ends it. Audited like a decision.
   */
  async withdraw(id: string, reason: string, principal: Principal): Promise<Approval> {
    const approval = await this.store.getApproval(id);
    const record = approval ? await this.store.getRecord(approval.recordId) : null;
    if (!approval || !record || !maySee(principal, record)) throw new DomainError('approval.notFound', { id });
    if (approval.state !== 'pending') throw new DomainError('approval.notWithdrawable', { state: approval.state });
    if (record.evaluation.outcome.approvals.some((a) => approvalKey(a) === approvalKey(approval)))
      throw new DomainError('approval.stillAsked', {});
    const withdrawn: Approval = {
      ...approval,
      state: 'withdrawn',
      decidedBy: actorOf(principal),
      decidedAt: this.clock().toISOString(),
      comment: reason,
    };
    if (!(await this.store.decideApproval(withdrawn, actorOf(principal)))) throw new DomainError('approval.decidedMeanwhile', {});
    return withdrawn;
  }
}
