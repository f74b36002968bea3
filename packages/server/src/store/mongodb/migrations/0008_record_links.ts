import type { MongoMigration } from './MongoMigration.js';

/** Linked records: one document per link field value of a record; the records linking to one by an index (createIndex is idempotent). */
export const recordLinks: MongoMigration = {
  version: 8,
  name: 'linked records',
  async up(database) {
    const links = database.col('record_links');
    await Promise.all([links.createIndex({ fromId: 1, field: 1 }, { unique: true }), links.createIndex({ toId: 1, createdAt: -1 })]);
  },
};
