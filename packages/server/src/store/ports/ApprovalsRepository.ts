import type { ApprovalPageFilter, KeysetPage } from '../paging.js';
import type { Approval } from '../types.js';

/** Approval tasks the policy asked for (added by record writes, see mergeApprovals) and their decisions. */
export interface ApprovalsRepository {
  listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }): Promise<Approval[]>;
  getApproval(id: string): Promise<Approval | null>;
  /** Decides (or withdraws) a pending approval with an audit entry; false when it was no longer pending. */
  decideApproval(approval: Approval, actor: string): Promise<boolean>;
  /** A keyset page (store/paging.ts): every filter applied by the database, a total, and whether more follow. */
  pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>>;
}
