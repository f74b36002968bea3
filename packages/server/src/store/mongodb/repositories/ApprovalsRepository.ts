import type { ClientSession, Document } from 'mongodb';
import { approvalDecided } from '../../auditEntries.js';
import { mergeApprovals } from '../../mergeApprovals.js';
import type { ApprovalsRepository } from '../../ports/ApprovalsRepository.js';
import type { ApprovalPageFilter, KeysetPage } from '../../paging.js';
import type { Approval } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import { visibleRecordIds } from '../visibleRecordIds.js';
import type { MongoAuditRepository } from './AuditRepository.js';

export class MongoApprovalsRepository implements ApprovalsRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly audit: MongoAuditRepository,
  ) {}

  async listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }) {
    const query: Document = {};
    if (filter.state) query.state = filter.state;
    if (filter.recordId) query.recordId = filter.recordId;
    if (filter.approvers) query.approver = { $in: filter.approvers };
    return (await this.database.col('approvals').find(query).sort({ createdAt: -1 }).limit(1000).toArray()).map((a) => plain<Approval>(a)!);
  }
  async getApproval(id: string) {
    return plain<Approval>(await this.database.col('approvals').findOne({ id }));
  }
  async decideApproval(approval: Approval, actor: string) {
    return this.database.transaction(async (session) => {
      const { state, decidedBy, decidedAt, comment } = approval;
      const changed =
        (
          await this.database
            .col('approvals')
            .updateOne({ id: approval.id, state: 'pending' }, { $set: { state, decidedBy, decidedAt, comment } }, { session })
        ).modifiedCount > 0;
      if (changed) await this.audit.append(approvalDecided(approval, actor), session);
      return changed;
    });
  }
  async pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>> {
    const query: Document = {};
    if (filter.state) query.state = filter.state;
    if (filter.recordId) query.recordId = filter.recordId;
    if (filter.approvers)
      Object.assign(
        query,
        filter.alsoIds?.length
          ? { $or: [{ approver: { $in: filter.approvers } }, { id: { $in: filter.alsoIds } }] }
          : { approver: { $in: filter.approvers } },
      );
    if (filter.visibleTo) {
      const visible = await visibleRecordIds(this.database, filter.visibleTo);
      query.recordId = filter.recordId ? (visible.includes(filter.recordId) ? filter.recordId : { $in: [] }) : { $in: visible };
    }
    const after = filter.after;
    const cursor = after ? { $or: [{ createdAt: { $lt: after[0] } }, { createdAt: after[0], id: { $lt: after[1] } }] } : null;
    return keysetPage<Approval>(this.database, 'approvals', query, cursor, { createdAt: -1, id: -1 }, filter.limit);
  }

  /**
   * Adds what a record write's outcome asks for, in the write's transaction: approvals once asked
   * for stay (mergeApprovals), an edit adds what the policy newly asks and never removes.
   */
  async addRequested(recordId: string, requested: readonly Approval[], created: boolean, session: ClientSession): Promise<void> {
    const existing = created
      ? []
      : (await this.database.col('approvals').find({ recordId }, { session }).toArray()).map((a) => plain<Approval>(a)!);
    const approvals = mergeApprovals(existing, requested);
    if (approvals.length > 0)
      await this.database.col('approvals').insertMany(
        approvals.map((a) => ({ ...a })),
        { session },
      );
  }
}
