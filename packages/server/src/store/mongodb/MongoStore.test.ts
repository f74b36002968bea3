import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../testing/storeContract.js';
import { MONGO_MIGRATIONS } from './migrations/index.js';
import { MongoStore } from './MongoStore.js';

const uri = process.env.MONGODB_URI;

/** A database of its own on the server MONGODB_URI names (a replica set: transactions). */
const freshDatabase = (server: string) => {
  const url = new URL(server);
  url.pathname = `/aftersales_test_${randomUUID().slice(0, 8)}`;
  return url.toString();
};

if (uri) {
  describeStoreContract('MongoDB', async () => MongoStore.connect(freshDatabase(uri)));

  describe('MongoStore migrations', () => {
    it('when a database is connected to twice, then each migration is recorded once in schema_migrations', async () => {
      const database = freshDatabase(uri);
      const first = await MongoStore.connect(database);
      await first.close();
      const second = await MongoStore.connect(database);
      try {
        const applied = await second.database
          .col('schema_migrations')
          .find({}, { projection: { _id: 0, version: 1, name: 1 } })
          .toArray();
        expect(applied).toEqual(MONGO_MIGRATIONS.map(({ version, name }) => ({ version, name })));
      } finally {
        await second.database.db.dropDatabase();
        await second.close();
      }
    });
  });
} else {
  describe('Store contract: MongoDB', () => {
    it.skip('MongoDB contract tests skipped: MONGODB_URI not set (no MongoDB server on this machine)', () => undefined);
  });
  console.log('MongoDB contract tests skipped: MONGODB_URI not set');
}
