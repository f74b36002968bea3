import type { MongoMigration } from './MongoMigration.js';

/** A channel's delivery log is paged by a keyset cursor (createdAt, id): its index gains the id (createIndex is idempotent). */
export const deliveryLogIndex: MongoMigration = {
  version: 10,
  name: 'delivery log paged by cursor',
  async up(database) {
    await database.col('deliveries').createIndex({ channelId: 1, createdAt: -1, id: -1 });
  },
};
