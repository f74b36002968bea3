import type { MongoMigration } from './MongoMigration.js';

/** Field work: number counters, notice channels and their delivery log (createIndex is idempotent). */
export const fieldWork: MongoMigration = {
  version: 4,
  name: 'field work: numbers and notice channels',
  async up(database) {
    const col = (name: string) => database.col(name);
    await Promise.all([
      col('counters').createIndex({ key: 1 }, { unique: true }),
      col('channels').createIndex({ id: 1 }, { unique: true }),
      col('channels').createIndex({ store: 1, createdAt: 1 }),
      col('deliveries').createIndex({ id: 1 }, { unique: true }),
      col('deliveries').createIndex({ channelId: 1, notificationId: 1 }, { unique: true }),
      col('deliveries').createIndex({ state: 1, nextAt: 1 }),
      col('deliveries').createIndex({ channelId: 1, createdAt: -1 }),
    ]);
  },
};
