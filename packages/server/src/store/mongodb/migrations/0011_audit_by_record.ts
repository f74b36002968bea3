import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { MongoMigration } from './MongoMigration.js';

/** Entries updated per round trip. */
const BATCH = 500;

/**
 * Audit entries name the record they are about (`recordId`, indexed with the id), so that a
 * record's history is one index range holding its own entries and those of its approvals (asked,
 * decided, withdrawn, escalated), in id order. Entries written before take it: a record's own, its
 * id; an approval's decision, its approval's record (the approval document, else the record id the
 * entry itself carries). Safe to run again: only entries without `recordId` are filled.
 */
export const auditByRecord: MongoMigration = {
  version: 11,
  name: 'audit entries by record',
  async up(database) {
    const audit = database.col('audit');
    await audit.createIndex({ recordId: 1, id: -1 });
    const missing = audit.find(
      { entity: { $in: ['record', 'approval'] }, recordId: { $exists: false } },
      { projection: { _id: 0, id: 1, entity: 1, entityId: 1, after: 1 } },
    );
    let batch: Document[] = [];
    const flush = async () => {
      const approvalIds = batch.filter((e) => e.entity === 'approval').map((e) => String(e.entityId));
      const approvals =
        approvalIds.length > 0
          ? await database
              .col('approvals')
              .find({ id: { $in: approvalIds } }, { projection: { id: 1, recordId: 1 } })
              .toArray()
          : [];
      const recordOf = new Map(approvals.map((a) => [String(a.id), String(a.recordId)]));
      const updates: AnyBulkWriteOperation[] = batch.flatMap((entry) => {
        const carried = (entry.after as { recordId?: unknown } | null | undefined)?.recordId;
        const recordId =
          entry.entity === 'record'
            ? String(entry.entityId)
            : (recordOf.get(String(entry.entityId)) ?? (typeof carried === 'string' ? carried : undefined));
        return recordId === undefined ? [] : [{ updateOne: { filter: { id: Number(entry.id) }, update: { $set: { recordId } } } }];
      });
      if (updates.length > 0) await audit.bulkWrite(updates, { ordered: false });
      batch = [];
    };
    for await (const entry of missing) {
      batch.push(entry);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  },
};
