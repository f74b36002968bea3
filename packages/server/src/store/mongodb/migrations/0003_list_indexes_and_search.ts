import { createFineIndexes } from '../queries/fines.js';
import { createRecordIndexes, searchValuesOf } from '../queries/records.js';
import type { StoredRecord } from '../../types.js';
import type { MongoMigration } from './MongoMigration.js';

/**
 * The indexes of the keyset record and ledger lists, and the `searchValues` of every record written
 * before search existed (records written since carry them). Safe to run again: createIndexes is
 * idempotent and only records without `searchValues` are updated.
 */
export const listIndexesAndSearch: MongoMigration = {
  version: 3,
  name: 'list indexes and record search',
  async up(database) {
    await createRecordIndexes(database.db);
    await createFineIndexes(database.db);
    const records = database.col('records');
    const missing = records.find({ searchValues: { $exists: false } }, { projection: { id: 1, data: 1, store: 1, assignee: 1 } });
    let batch: { updateOne: { filter: { id: string }; update: { $set: { searchValues: string[] } } } }[] = [];
    for await (const doc of missing) {
      const record = doc as unknown as Pick<StoredRecord, 'id' | 'data' | 'store' | 'assignee'>;
      batch.push({ updateOne: { filter: { id: record.id }, update: { $set: { searchValues: searchValuesOf(record) } } } });
      if (batch.length === 500) {
        await records.bulkWrite(batch, { ordered: false });
        batch = [];
      }
    }
    if (batch.length > 0) await records.bulkWrite(batch, { ordered: false });
  },
};
