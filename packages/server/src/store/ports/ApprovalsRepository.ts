import type { ApprovalPageFilter, KeysetPage } from '../paging.js';
import type { Approval } from '../types.js';

/** Range of pending approvals not escalated yet, oldest first, read through an index. */
export interface UnescalatedRange {
  /** Created at or before this instant (the escalation threshold). */
  createdUpTo?: string;
  /** Created strictly after this instant. */
  createdAfter?: string;
  /** Only approvals nobody can decide: holders of each policy role, everywhere or in some stores (an approval of no store is held by any holder). */
  unheld?: RoleHolders;
  /** [createdAt, id] of the last one seen (oldest first). */
  after?: [string, string];
  limit: number;
}

/** Where each policy role is held: in every store (a holder bound to no store), or in these stores only. */
export interface RoleHolders {
  everywhere: string[];
  inStores: { approver: string; stores: string[] }[];
}

/** Approval tasks the policy asked for (added by record writes, see mergeApprovals) and their decisions. */
export interface ApprovalsRepository {
  listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }): Promise<Approval[]>;
  getApproval(id: string): Promise<Approval | null>;
  /** Decides (or withdraws) a pending approval with an audit entry (naming its record); false when it was no longer pending. */
  decideApproval(approval: Approval, actor: string): Promise<boolean>;
  /** A keyset page (store/paging.ts): every filter applied by the database, a total, and whether more follow. */
  pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>>;
  /** Pending approvals not escalated yet in a creation range, oldest first, each with its record's store (kept by record writes). */
  pendingUnescalated(range: UnescalatedRange): Promise<{ approval: Approval; store: string | null }[]>;
  /**
   * Marks these approvals escalated at `at` to the holders of `escalatedTo` in one transaction, each
   * audited; answers those this call marked (still pending, not marked before).
   */
  markEscalated(ids: readonly string[], at: string, escalatedTo: string): Promise<string[]>;
}
