import type { MongoMigration } from './MongoMigration.js';

/**
 * Indexes for the queries migration 1 left to a collection scan or an in-memory sort: the fines
 * ledger by time, person and form; the audit log newest first; every approval and deadline page
 * without a state; the records list newest first and by status.
 */
export const queryIndexes: MongoMigration = {
  version: 2,
  name: 'query indexes',
  async up(database) {
    const col = (name: string) => database.col(name);
    await Promise.all([
      col('fines').createIndex({ postedAt: -1 }),
      col('fines').createIndex({ person: 1, postedAt: -1 }),
      col('fines').createIndex({ formId: 1, postedAt: -1 }),
      col('audit').createIndex({ id: -1 }),
      col('approvals').createIndex({ createdAt: -1, id: -1 }),
      col('approvals').createIndex({ recordId: 1, createdAt: -1 }),
      col('deadlines').createIndex({ dueAt: 1, recordId: 1, key: 1 }),
      col('records').createIndex({ createdAt: -1, id: -1 }),
      col('records').createIndex({ status: 1, createdAt: -1 }),
      col('apiKeys').createIndex({ createdAt: 1 }),
    ]);
  },
};
