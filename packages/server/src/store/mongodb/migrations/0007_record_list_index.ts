import type { MongoMigration } from './MongoMigration.js';

/** Record lists of one form in one store: an index of their own (createIndex is idempotent). */
export const recordListIndex: MongoMigration = {
  version: 7,
  name: 'records of a form in a store',
  async up(database) {
    await database.col('records').createIndex({ formId: 1, store: 1, createdAt: -1, id: -1 }, { name: 'records_form_store' });
  },
};
