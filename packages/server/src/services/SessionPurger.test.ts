import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { AuthService } from './AuthService.js';
import { SessionPurger } from './SessionPurger.js';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-purge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SessionPurger', () => {
  it('when a pass runs, then ended and idle sessions and forgotten failure counts go; a pass started while one runs does nothing', async () => {
    const store = new SqliteStore(dir);
    const now = new Date('2025-10-09T10:00:00.000Z');
    const auth = new AuthService(store, () => now, { sessions: { idleMinutes: 30, maxHours: 12 } });
    await store.createSession({
      tokenHash: 'idle',
      userId: 'u',
      expiresAt: '2025-10-09T20:00:00.000Z',
      lastSeenAt: '2025-10-09T09:29:00.000Z',
    });
    await store.createSession({
      tokenHash: 'ended',
      userId: 'u',
      expiresAt: '2025-10-09T10:00:00.000Z',
      lastSeenAt: '2025-10-09T09:59:00.000Z',
    });
    await store.createSession({
      tokenHash: 'live',
      userId: 'u',
      expiresAt: '2025-10-09T20:00:00.000Z',
      lastSeenAt: '2025-10-09T09:31:00.000Z',
    });
    await store.addLoginFailure('account:old', '2025-10-08T09:00:00.000Z', '2025-10-01T00:00:00.000Z');
    await store.addLoginFailure('account:recent', '2025-10-09T09:00:00.000Z', '2025-10-01T00:00:00.000Z');
    const purger = new SessionPurger(auth);
    const [first, second] = await Promise.all([purger.purge(), purger.purge()]);
    expect(first).toEqual({ sessions: 2, loginFailures: 1 });
    expect(second).toBeNull();
    expect(await store.sessionByHash('live')).not.toBeNull();
    expect((await store.loginFailures(['account:old', 'account:recent'])).map((r) => r.key)).toEqual(['account:recent']);
    await store.close();
  });
});
