import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { describeStoreContract } from '../../testing/storeContract.js';
import { MongoStore } from './MongoStore.js';

const uri = process.env.MONGODB_URI;

if (uri) {
  // Each test gets a database of its own on the server MONGODB_URI names (a replica set: transactions).
  describeStoreContract('MongoDB', async () => {
    const url = new URL(uri);
    url.pathname = `/aftersales_test_${randomUUID().slice(0, 8)}`;
    return MongoStore.connect(url.toString());
  });
} else {
  describe('Store contract: MongoDB', () => {
    it.skip('MongoDB contract tests skipped: MONGODB_URI not set (no MongoDB server on this machine)', () => undefined);
  });
  console.log('MongoDB contract tests skipped: MONGODB_URI not set');
}
