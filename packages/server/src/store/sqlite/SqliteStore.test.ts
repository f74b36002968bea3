import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeStoreContract } from '../../testing/storeContract.js';
import { SqliteStore } from './SqliteStore.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-store-'));
  dirs.push(dir);
  return new SqliteStore(dir);
});
