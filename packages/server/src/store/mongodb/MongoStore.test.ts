import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../testing/storeContract.js';
import { fineEntriesByRecord } from './migrations/0012_fine_entries_by_record.js';
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

    it('when fine entries of an earlier release carry their record only in after.recordId, then migration 12 names it, once, and leaves the others', async () => {
      const store = await MongoStore.connect(freshDatabase(uri));
      try {
        const audit = store.database.col('audit');
        const old = (id: number, entity: string, after: unknown) => ({
          id,
          at: '2025-10-13T06:20:00.000Z',
          actor: 'boss',
          entity,
          entityId: `e${id}`,
          action: 'fine waived',
          before: null,
          after,
        });
        await audit.insertMany([
          old(1, 'fine', { amount: 0, reason: '客户原因', recordId: 'r1' }),
          old(2, 'fine', { amount: 0 }),
          old(3, 'fine', { amount: 0, recordId: 7 }),
          old(4, 'calendar', { recordId: 'r1' }),
          { ...old(5, 'fine', { recordId: 'r9' }), recordId: 'r5' },
        ]);
        await fineEntriesByRecord.up(store.database);
        await fineEntriesByRecord.up(store.database);
        const named = await audit
          .find({}, { projection: { _id: 0, id: 1, recordId: 1 } })
          .sort({ id: 1 })
          .toArray();
        expect(named).toEqual([{ id: 1, recordId: 'r1' }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5, recordId: 'r5' }]);
        expect((await store.audit.pageAudit({ recordId: 'r1', limit: 10 })).items.map((e) => e.id)).toEqual([1]);
      } finally {
        await store.database.db.dropDatabase();
        await store.close();
      }
    });
  });
} else {
  describe('Store contract: MongoDB', () => {
    it.skip('MongoDB contract tests skipped: MONGODB_URI not set (no MongoDB server on this machine)', () => undefined);
  });
  console.log('MongoDB contract tests skipped: MONGODB_URI not set');
}
