import { createApprovalIndexes } from '../queries/approvals.js';
import { createDeadlineCalendarIndex } from '../queries/deadlines.js';
import type { MongoMigration } from './MongoMigration.js';

/**
 * Approvals carry their record's store (`recordStore`) and when they escalated (`escalatedAt`, from
 * the escalation notice already posted), with the indexes of the escalation tick and scoped inbox,
 * and open deadlines are indexed by the calendar they are counted on.
 * Safe to run again: only approvals without `recordStore` are filled.
 */
export const approvalMarks: MongoMigration = {
  version: 5,
  name: 'approval store and escalation marks',
  async up(database) {
    await createApprovalIndexes(database.db);
    await createDeadlineCalendarIndex(database.db);
    const approvals = database.col('approvals');
    const missing = approvals.find({ recordStore: { $exists: false } }, { projection: { id: 1, recordId: 1 } });
    let batch: { id: string; recordId: string }[] = [];
    const flush = async () => {
      const records = await database
        .col('records')
        .find({ id: { $in: batch.map((a) => a.recordId) } }, { projection: { id: 1, store: 1 } })
        .toArray();
      const storeOf = new Map(records.map((r) => [String(r.id), typeof r.store === 'string' ? r.store : null]));
      const notices = await database
        .col('notifications')
        .find({ uniqueKey: { $in: batch.map((a) => `approval-escalated|${a.id}`) } }, { projection: { uniqueKey: 1, at: 1 } })
        .toArray();
      const escalatedAt = new Map(notices.map((n) => [String(n.uniqueKey).slice('approval-escalated|'.length), String(n.at)]));
      await approvals.bulkWrite(
        batch.map((a) => {
          const at = escalatedAt.get(a.id);
          return {
            updateOne: {
              filter: { id: a.id },
              update: { $set: { recordStore: storeOf.get(a.recordId) ?? null, ...(at ? { escalatedAt: at } : {}) } },
            },
          };
        }),
        { ordered: false },
      );
      batch = [];
    };
    for await (const doc of missing) {
      batch.push({ id: String(doc.id), recordId: String(doc.recordId) });
      if (batch.length === 500) await flush();
    }
    if (batch.length > 0) await flush();
  },
};
