import type { MongoMigration } from './MongoMigration.js';

/** Store names: one document per named store, unique by id (createIndex is idempotent). */
export const storeNames: MongoMigration = {
  version: 9,
  name: 'store names',
  async up(database) {
    await database.col('storeNames').createIndex({ id: 1 }, { unique: true });
  },
};
