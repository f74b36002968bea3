import { AppError } from '../errors/AppError.js';
import type { Store } from '../store/Store.js';
import type { Approval } from '../store/types.js';
import type { Clock } from './Clock.js';
import { hasRole, recordScope, type Principal, actorOf } from './Principal.js';

/** Approval tasks: the users who hold the named policy role (or an admin) approve or reject with a comment. */
export class ApprovalService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Pending approvals this person may decide (all of them for an admin). */
  inbox(principal: Principal, state: Approval['state'] = 'pending'): Promise<Approval[]> {
    if (hasRole(principal, ['admin'])) return this.store.listApprovals({ state });
    const approvers = principal.kind === 'user' ? principal.user.policyRoles : [];
    return this.store.listApprovals({ state, approvers });
  }

  /** A page of them, newest first (store/paging.ts). */
  inboxPage(principal: Principal, state: Approval['state'], page: { limit: number; after?: [string, string] }) {
    const approvers = hasRole(principal, ['admin']) ? undefined : principal.kind === 'user' ? principal.user.policyRoles : [];
    // Only approvals of records within the caller's store scope (a policy role is per store), before the limit.
    const scope = recordScope(principal);
    return this.store.pageApprovals({ state, ...(approvers ? { approvers } : {}), ...(scope ? { visibleTo: scope } : {}), ...page });
  }

  async decide(id: string, decision: 'approve' | 'reject', comment: string, principal: Principal): Promise<Approval> {
    const approval = await this.store.getApproval(id);
    if (!approval) throw new AppError('not_found', `approval "${id}" does not exist`);
    const mayDecide =
      hasRole(principal, ['admin']) || (principal.kind === 'user' && principal.user.policyRoles.includes(approval.approver));
    if (!mayDecide) throw new AppError('forbidden', `only the ${approval.approver} may decide this approval`);
    if (approval.state !== 'pending')
      throw new AppError('conflict', `the approval was already ${approval.state}`, {
        messageZh: approval.state === 'approved' ? '该审批已被批准' : '该审批已被驳回',
      });
    const decided: Approval = {
      ...approval,
      state: decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: actorOf(principal),
      decidedAt: this.clock().toISOString(),
      comment,
    };
    if (!(await this.store.decideApproval(decided, actorOf(principal))))
      throw new AppError('conflict', 'the approval was decided meanwhile', { messageZh: '该审批刚被他人处理' });
    return decided;
  }
}
