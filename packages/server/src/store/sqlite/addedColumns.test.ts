import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './SqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore on a file made before deactivation and idle sessions', () => {
  it('when it is opened, then users and sessions gain their new columns: users are active and old sessions are idle', async () => {
    mkdirSync(dir, { recursive: true });
    const old = new Database(join(dir, 'aftersales.sqlite'));
    old.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
        roles TEXT NOT NULL, policy_roles TEXT NOT NULL, stores TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at TEXT NOT NULL);
      INSERT INTO users VALUES ('u1', 'li', '李', 'h', '["staff"]', '[]', '[]', '2025-01-01T00:00:00.000Z');
      INSERT INTO sessions VALUES ('t1', 'u1', '2099-01-01T00:00:00.000Z');`);
    old.close();
    const store = new SqliteStore(dir);
    expect((await store.userByUsername('li'))?.deactivatedAt).toBeUndefined();
    expect((await store.sessionByHash('t1'))?.lastSeenAt).toBe('');
    expect(await store.purgeSessions('2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z')).toBe(1);
    await store.createUser({ ...(await store.userByUsername('li'))!, id: 'u2', username: 'wang' });
    expect(
      (await store.setUserDeactivated('u2', '2025-06-01T00:00:00.000Z', 'admin', '2025-06-01T00:00:00.000Z'))?.user.deactivatedAt,
    ).toBe('2025-06-01T00:00:00.000Z');
    await store.close();
  });
});
