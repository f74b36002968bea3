import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../../testing/storeContract.js';
import { SqliteStore } from './SqliteStore.js';

describeStoreContract('SQLite', async () => new SqliteStore(mkdtempSync(join(tmpdir(), 'aftersales-store-'))));
