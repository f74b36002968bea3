import type { MongoMigration } from './MongoMigration.js';

/**
 * A fine's waiver or correction is in its record's history: its audit entry names the record
 * (`recordId`, indexed by migration 11). Entries written before carried the record only in
 * `after.recordId`; they take it from there, in one update on the server (entries whose `after`
 * holds no record id stay out of every record's history). Safe to run again: only entries without
 * `recordId` are filled.
 */
export const fineEntriesByRecord: MongoMigration = {
  version: 12,
  name: 'fine entries by record',
  async up(database) {
    await database
      .col('audit')
      .updateMany({ entity: 'fine', recordId: { $exists: false }, 'after.recordId': { $type: 'string' } }, [
        { $set: { recordId: '$after.recordId' } },
      ]);
  },
};
