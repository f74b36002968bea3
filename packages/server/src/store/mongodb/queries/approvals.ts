import type { ClientSession, Db, Document } from 'mongodb';
import type { Visibility } from '../../paging.js';
import type { UnescalatedRange } from '../../ports/ApprovalsRepository.js';
import type { Approval } from '../../types.js';

/** An approval document: the approval and its record's store (`recordStore`, kept by record writes). */
export function fromApprovalDoc(doc: Document): Approval {
  const { _id: _ignored, recordStore: _store, ...approval } = doc;
  return approval as Approval;
}

/** Indexes of the escalation tick (pending, unmarked, by creation) and of the scoped inbox (by store). */
export async function createApprovalIndexes(db: Db): Promise<void> {
  await db.collection('approvals').createIndexes([
    { key: { state: 1, escalatedAt: 1, createdAt: 1, id: 1 }, name: 'approvals_escalation' },
    { key: { state: 1, recordStore: 1, createdAt: -1, id: -1 }, name: 'approvals_store' },
  ]);
}

/** Pending approvals without an escalation mark in a creation range, oldest first. */
export async function pendingUnescalated(db: Db, range: UnescalatedRange): Promise<{ approval: Approval; store: string | null }[]> {
  const and: Document[] = [{ state: 'pending', escalatedAt: null }];
  if (range.createdUpTo !== undefined) and.push({ createdAt: { $lte: range.createdUpTo } });
  if (range.createdAfter !== undefined) and.push({ createdAt: { $gt: range.createdAfter } });
  if (range.unheld)
    and.push({
      $nor: [
        { approver: { $in: range.unheld.everywhere } },
        ...range.unheld.inStores.map((r) => ({ approver: r.approver, recordStore: { $in: [null, ...r.stores] } })),
      ],
    });
  if (range.after) and.push({ $or: [{ createdAt: { $gt: range.after[0] } }, { createdAt: range.after[0], id: { $gt: range.after[1] } }] });
  const docs = await db.collection('approvals').find({ $and: and }).sort({ createdAt: 1, id: 1 }).limit(range.limit).toArray();
  return docs.map((doc) => ({ approval: fromApprovalDoc(doc), store: typeof doc.recordStore === 'string' ? doc.recordStore : null }));
}

/** Marks these pending approvals escalated at `at`; answers the ids this call marked. */
export async function markEscalated(db: Db, ids: readonly string[], at: string, session: ClientSession): Promise<string[]> {
  const marked: string[] = [];
  for (const id of ids) {
    const result = await db
      .collection('approvals')
      .updateOne({ id, state: 'pending', escalatedAt: null }, { $set: { escalatedAt: at } }, { session });
    if (result.modifiedCount > 0) marked.push(id);
  }
  return marked;
}

/** Keeps the approvals' copy of their record's store. */
export async function setApprovalsStore(db: Db, recordId: string, store: string | null, session: ClientSession): Promise<void> {
  await db.collection('approvals').updateMany({ recordId, recordStore: { $ne: store } }, { $set: { recordStore: store } }, { session });
}

/** The approval's record is one the user may see (same rule as visibleRecordIds), from its store and the user's own records. */
export async function visibleApproval(db: Db, visibleTo: Visibility): Promise<Document> {
  const { username, stores } = visibleTo;
  const own: unknown[] = await db.collection('records').distinct('id', { $or: [{ createdBy: username }, { assignee: username }] });
  return { $or: [{ recordStore: { $in: stores } }, { recordId: { $in: own.map(String) } }] };
}
