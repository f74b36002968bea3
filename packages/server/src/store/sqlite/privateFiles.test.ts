import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './SqliteStore.js';
import { sampleRecord } from '../../testing/storeContract.js';

const root = mkdtempSync(join(tmpdir(), 'aftersales-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('SQLite files on disk', () => {
  it('when the store creates its data directory and database, then only the server user may read them (0700, 0600 with -wal and -shm)', async () => {
    const dir = join(root, 'fresh', 'data');
    const store = new SqliteStore(dir);
    await store.writeRecord({
      record: sampleRecord('r1'),
      previous: null,
      actor: 'a',
      action: 'create',
      approvals: [],
      deadlines: [],
      fines: [],
      notifications: [],
    });
    const db = join(dir, 'aftersales.sqlite');
    expect(mode(dir)).toBe(0o700);
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect({ file, mode: mode(file).toString(8) }).toEqual({ file, mode: '600' });
    await store.close();
  });

  it('when an older install left them world-readable, then opening the store tightens them', async () => {
    const dir = join(root, 'old');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const db = join(dir, 'aftersales.sqlite');
    new Database(db).close();
    chmodSync(db, 0o644);
    const store = new SqliteStore(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(db)).toBe(0o600);
    await store.close();
  });

  it('when a database from before file references is opened, then the photos its records name are registered once (so the cleanup keeps them)', async () => {
    const dir = join(root, 'refs');
    const fileId = '00000000-0000-4000-8000-0000000000aa';
    let store = new SqliteStore(dir);
    await store.putFile({
      id: fileId,
      name: 'a.jpg',
      contentType: 'image/jpeg',
      size: 1,
      sha256: 'x',
      data: Buffer.from([1]),
      createdBy: 'li',
      createdAt: '2020-01-01T00:00:00.000Z',
    });
    await store.writeRecord({
      record: sampleRecord('r-old', { data: { photos: [`/api/v1/files/${fileId}`] } }),
      previous: null,
      actor: 'a',
      action: 'create',
      approvals: [],
      deadlines: [],
      fines: [],
      notifications: [],
    });
    await store.close();
    // As an older version left it: no references table, and migration 1 (which takes such a database over) not applied.
    const raw = new Database(join(dir, 'aftersales.sqlite'));
    raw.exec('DROP TABLE file_refs; DELETE FROM schema_migrations WHERE version = 1');
    raw.close();
    store = new SqliteStore(dir);
    expect(await store.recordIdsWithFile(fileId)).toEqual(['r-old']);
    expect(await store.deleteOrphanFiles('2030-01-01T00:00:00.000Z')).toEqual([]);
    await store.close();
  });
});
