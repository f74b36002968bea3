import type { ClientSession, Document } from 'mongodb';
import { approvalDecided, approvalEscalated } from '../../auditEntries.js';
import { mergeApprovals } from '../../mergeApprovals.js';
import type { ApprovalsRepository } from '../../ports/ApprovalsRepository.js';
import type { ApprovalPageFilter, KeysetPage } from '../../paging.js';
import type { Approval } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import type { MongoDatabase } from '../MongoDatabase.js';
import { fromApprovalDoc, markEscalated, pendingUnescalated, setApprovalsStore, visibleApproval } from '../queries/approvals.js';
import type { UnescalatedRange } from '../../ports/ApprovalsRepository.js';
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
    return (await this.database.col('approvals').find(query).sort({ createdAt: -1 }).limit(1000).toArray()).map(fromApprovalDoc);
  }
  async getApproval(id: string) {
    const doc = await this.database.col('approvals').findOne({ id });
    return doc ? fromApprovalDoc(doc) : null;
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
    const and: Document[] = [];
    if (filter.approvers)
      and.push({
        $or: [
          { approver: { $in: filter.approvers } },
          ...(filter.alsoIds?.length ? [{ id: { $in: filter.alsoIds } }] : []),
          ...(filter.alsoEscalated ? [{ escalatedAt: { $type: 'string' } }] : []),
        ],
      });
    if (filter.visibleTo) and.push(await visibleApproval(this.database.db, filter.visibleTo));
    if (and.length > 0) query.$and = and;
    const after = filter.after;
    const cursor = after ? { $or: [{ createdAt: { $lt: after[0] } }, { createdAt: after[0], id: { $lt: after[1] } }] } : null;
    const page = await keysetPage<Document>(this.database, 'approvals', query, cursor, { createdAt: -1, id: -1 }, filter.limit);
    return { ...page, items: page.items.map(fromApprovalDoc) };
  }
  async pendingUnescalated(range: UnescalatedRange) {
    return pendingUnescalated(this.database.db, range);
  }
  async markEscalated(ids: readonly string[], at: string, escalatedTo: string) {
    return this.database.transaction(async (session) => {
      const marked = await markEscalated(this.database.db, ids, at, session);
      const approvals = await this.database
        .col('approvals')
        .find({ id: { $in: marked } }, { session })
        .toArray();
      const byId = new Map(approvals.map((doc) => [String(doc.id), fromApprovalDoc(doc)]));
      await this.audit.appendMany(
        marked.flatMap((id) => {
          const approval = byId.get(id);
          return approval ? [approvalEscalated(approval, escalatedTo, at)] : [];
        }),
        session,
      );
      return marked;
    });
  }

  /**
   * Adds what a record write's outcome asks for, in the write's transaction: approvals once asked
   * for stay (mergeApprovals), an edit adds what the policy newly asks and never removes. Answers
   * those it added (the write audits them after its own entry).
   */
  async addRequested(
    recordId: string,
    store: string | null,
    requested: readonly Approval[],
    created: boolean,
    session: ClientSession,
  ): Promise<Approval[]> {
    if (!created) await setApprovalsStore(this.database.db, recordId, store, session);
    const existing = created ? [] : (await this.database.col('approvals').find({ recordId }, { session }).toArray()).map(fromApprovalDoc);
    const approvals = mergeApprovals(existing, requested);
    if (approvals.length > 0)
      await this.database.col('approvals').insertMany(
        approvals.map((a) => ({ ...a, recordStore: store })),
        { session },
      );
    return approvals;
  }
}
