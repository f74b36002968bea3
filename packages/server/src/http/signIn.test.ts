import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/tokens.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { createApp } from './createApp.js';
import { client, startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';
import type { AddressInfo } from 'node:net';

let now = new Date('2025-10-09T10:00:00+08:00');
const clock = () => now;
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const MINUTE = 60_000;

let server: TestServer;
/** A fresh admin session for each call: the tests move the clock past session lifetimes. */
const admin: Client = async (...args) => (await server.signIn('admin', server.adminPassword))(...args);

async function login(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    cookie: response.headers.get('set-cookie')?.split(';')[0] ?? null,
    body: text ? JSON.parse(text) : null,
  };
}

async function createUser(username: string, extra: Record<string, unknown> = {}) {
  const created = await admin('POST', '/users', {
    username,
    displayName: username,
    password: `${username}-password-123`,
    roles: ['staff'],
    ...extra,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string };
}

beforeAll(async () => {
  server = await startTestServer({ clock, importPack: false });
});
// Every test here signs in from 127.0.0.1: each starts with that address's count cleared.
beforeEach(() => server.services.store.clearLoginFailures('address:127.0.0.1'));
afterAll(() => server.close());

describe('sign-in throttling', () => {
  it('when an account fails five times, then the next attempt is a 429 with Retry-After, even with the right password, until the wait is over', async () => {
    await createUser('throttled');
    for (let i = 0; i < 5; i++) expect((await login(server.url, 'throttled', `wrong-${i}`)).status).toBe(401);
    const refused = await login(server.url, 'throttled', 'throttled-password-123');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBe(30);
    expect(refused.body.error).toMatchObject({
      code: 'too_many_requests',
      retryAfterSeconds: 30,
      messageZh: expect.stringContaining('分钟'),
    });
    later(31_000);
    // The sixth failure doubles the wait.
    expect((await login(server.url, 'throttled', 'wrong-again')).status).toBe(401);
    expect((await login(server.url, 'throttled', 'throttled-password-123')).retryAfter).toBe('60');
    later(61_000);
    expect((await login(server.url, 'throttled', 'throttled-password-123')).status).toBe(200);
    // A success clears the account's count: five more failures are allowed again.
    for (let i = 0; i < 5; i++) expect((await login(server.url, 'throttled', `wrong-${i}`)).status).toBe(401);
    expect((await login(server.url, 'throttled', 'throttled-password-123')).status).toBe(429);
    later(31_000);
  });

  it('when one address fails twenty times across accounts, then it waits for any account, and a proxy header is not believed without TRUST_PROXY', async () => {
    await createUser('address-victim');
    for (let i = 0; i < 20; i++) {
      const answer = await login(server.url, `nobody-${i}`, 'wrong-password', { 'X-Forwarded-For': `198.51.100.${i}` });
      expect(answer.status).toBe(401);
    }
    const refused = await login(server.url, 'address-victim', 'address-victim-password-123');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    later(Number(refused.retryAfter) * 1000 + 1000);
    expect((await login(server.url, 'address-victim', 'address-victim-password-123')).status).toBe(200);
  });

  it('when two server instances share one store, then failures counted by one make the other answer 429', async () => {
    await createUser('shared');
    const second = createApp({ store: new SqliteStore(server.dataDir), clock });
    const listener = second.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listener.once('listening', resolve));
    const secondUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 5; i++) expect((await login(server.url, 'shared', `wrong-${i}`)).status).toBe(401);
      expect((await login(secondUrl, 'shared', 'shared-password-123')).status).toBe(429);
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      listener.closeAllConnections();
      await second.services.store.close();
    }
    later(31_000);
  });

  it('when a burst of parallel guesses arrives, then at most the free attempts reach the password check', async () => {
    await createUser('burst');
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(server.url, 'burst', `guess-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });
});

describe('sign-in audit', () => {
  it('when people sign in, fail and are throttled, then each attempt is in the audit log without the password', async () => {
    const user = await createUser('audited');
    expect((await login(server.url, 'audited', 'audited-password-123')).status).toBe(200);
    expect((await login(server.url, 'audited', 'secret-wrong-guess')).status).toBe(401);
    expect((await login(server.url, 'ghost', 'secret-ghost-guess')).status).toBe(401);
    for (let i = 0; i < 4; i++) await login(server.url, 'audited', 'secret-wrong-guess');
    expect((await login(server.url, 'audited', 'audited-password-123')).status).toBe(429);
    const entries = await server.services.store.listAudit({ entity: 'user', entityId: user.id, limit: 20 });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'create',
      'sign-in',
      'sign-in failed',
      'sign-in failed',
      'sign-in failed',
      'sign-in failed',
      'sign-in failed',
      'sign-in throttled',
    ]);
    expect(entries[0]).toMatchObject({ actor: 'audited', after: { username: 'audited', address: '127.0.0.1' } });
    const ghost = await server.services.store.listAudit({ entity: 'user', entityId: 'username:ghost', limit: 5 });
    expect(ghost).toEqual([expect.objectContaining({ actor: 'anonymous', action: 'sign-in failed' })]);
    const everything = JSON.stringify(await server.services.store.listAudit({ limit: 1000 }));
    expect(everything).not.toContain('secret-wrong-guess');
    expect(everything).not.toContain('secret-ghost-guess');
    expect(everything).not.toContain('audited-password-123');
    later(31_000);
  });
});

describe('password policy', () => {
  it.each([
    ['ten spaces', '          '],
    ['1234567890', '1234567890'],
    ['the user name', 'policy.person'],
    ['a common password', 'password1234'],
  ])(
    'when a user is created with %s as the password, then it is a 400 pointing at the password, in both languages',
    async (_case, password) => {
      const refused = await admin('POST', '/users', { username: 'policy.person', displayName: 'P', password, roles: ['staff'] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([expect.objectContaining({ pointer: '/password', messageZh: expect.any(String) })]);
      expect(refused.body.error.messageZh).toEqual(expect.any(String));
    },
  );

  it('when a good password is given, then the user is created; an admin reset to a weak one is refused and the old password still works', async () => {
    const created = await admin('POST', '/users', {
      username: 'policy.person',
      displayName: 'P',
      password: 'tree-lamp-river-42',
      roles: ['staff'],
    });
    expect(created.status).toBe(201);
    const reset = await admin('PUT', `/users/${created.body.id as string}`, { password: '0987654321' });
    expect(reset.status).toBe(400);
    expect(reset.body.error.details[0].pointer).toBe('/password');
    expect((await login(server.url, 'policy.person', 'tree-lamp-river-42')).status).toBe(200);
  });
});

describe('session lifetime', () => {
  it('when a session is unused for longer than the idle timeout, then it ends; using it slides the idle clock, written at most once a minute', async () => {
    await createUser('idler');
    const signedIn = await login(server.url, 'idler', 'idler-password-123');
    const session = client(server.url, { Cookie: signedIn.cookie! });
    const row = () => server.services.store.sessionByHash(hashSecret(decodeURIComponent(signedIn.cookie!.split('=')[1]!)));
    const signedInAt = now.toISOString();
    expect((await row())?.lastSeenAt).toBe(signedInAt);
    later(30_000);
    expect((await session('GET', '/auth/me')).status).toBe(200);
    // Used within a minute of the last recorded use: nothing written.
    expect((await row())?.lastSeenAt).toBe(signedInAt);
    later(20 * MINUTE);
    expect((await session('GET', '/auth/me')).status).toBe(200);
    expect((await row())?.lastSeenAt).toBe(now.toISOString());
    later(20 * MINUTE);
    // 40 minutes after sign-in, 20 after the last use: still signed in.
    expect((await session('GET', '/auth/me')).status).toBe(200);
    later(31 * MINUTE);
    expect((await session('GET', '/auth/me')).status).toBe(401);
    expect(await row()).toBeNull();
  });

  it('when a session is used every 20 minutes, then it still ends 12 hours after sign-in', async () => {
    await createUser('worker');
    const session = await server.signIn('worker', 'worker-password-123');
    for (let i = 0; i < 35; i++) {
      later(20 * MINUTE);
      expect((await session('GET', '/auth/me')).status).toBe(200);
    }
    later(20 * MINUTE);
    expect((await session('GET', '/auth/me')).status).toBe(401);
  });

  it('when the purge runs, then ended and idle session rows are deleted and live ones stay', async () => {
    await createUser('purged');
    const { store } = server.services;
    await server.signIn('purged', 'purged-password-123');
    later(10 * MINUTE);
    const live = await server.signIn('purged', 'purged-password-123');
    later(25 * MINUTE);
    const purged = await server.services.auth.purgeExpired();
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect((await live('GET', '/auth/me')).status).toBe(200);
    // Nothing idle is left to purge now.
    expect(await store.purgeSessions(now.toISOString(), new Date(now.getTime() - 30 * MINUTE).toISOString())).toBe(0);
  });
});

describe('deactivation', () => {
  it('when an admin deactivates a user, then their sessions and the keys they created end at once, sign-in is refused, and reactivation lets them in again', async () => {
    const other = await createUser('second.admin', { roles: ['admin'] });
    const otherAdmin = await server.signIn('second.admin', 'second.admin-password-123');
    const key = await otherAdmin('POST', '/api-keys', { name: 'their key', scopes: ['definitions:read'] });
    const integrator = client(server.url, { Authorization: `Bearer ${key.body.secret as string}` });
    expect((await integrator('GET', '/forms')).status).toBe(200);

    const done = await admin('POST', `/users/${other.id}/deactivate`, {});
    expect(done.status).toBe(200);
    expect(done.body.deactivatedAt).toBe(now.toISOString());
    expect((await otherAdmin('GET', '/auth/me')).status).toBe(401);
    expect((await integrator('GET', '/forms')).status).toBe(401);
    const refused = await login(server.url, 'second.admin', 'second.admin-password-123');
    expect(refused.status).toBe(403);
    expect(refused.body.error.messageZh).toContain('停用');
    // A wrong password is answered as for anyone: 401.
    expect((await login(server.url, 'second.admin', 'not-the-password')).status).toBe(401);
    expect((await admin('GET', '/users')).body.items.find((u: { id: string }) => u.id === other.id).deactivatedAt).toBe(now.toISOString());

    const back = await admin('POST', `/users/${other.id}/reactivate`, {});
    expect(back.body.deactivatedAt).toBeNull();
    expect((await login(server.url, 'second.admin', 'second.admin-password-123')).status).toBe(200);
    // Revoked keys stay revoked.
    expect((await integrator('GET', '/forms')).status).toBe(401);
    const audit = await server.services.store.listAudit({ entity: 'user', entityId: other.id, limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['deactivate', 'reactivate', 'sign-in refused (deactivated)']));
    expect((await server.services.store.listAudit({ entity: 'apiKey', entityId: key.body.key.id, limit: 5 }))[0]?.action).toBe(
      'revoke (creator deactivated)',
    );
  });

  it('when an admin tries to deactivate themselves or an unknown user, then it is refused and nothing changes', async () => {
    const session = await server.signIn('admin', server.adminPassword);
    const me = (await session('GET', '/auth/me')).body.user as { id: string };
    const self = await session('POST', `/users/${me.id}/deactivate`, {});
    expect(self.status).toBe(422);
    expect(self.body.error.messageZh).toEqual(expect.any(String));
    expect((await session('GET', '/auth/me')).status).toBe(200);
    expect((await admin('POST', '/users/no-such-user/deactivate', {})).status).toBe(404);
  });
});

describe('client address behind a proxy', () => {
  it('when TRUST_PROXY names the proxy, then each forwarded client address is counted on its own', async () => {
    const behindProxy = createApp({ store: new SqliteStore(server.dataDir), clock, config: { trustProxy: ['loopback'] } });
    const listener = behindProxy.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listener.once('listening', resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      for (let i = 0; i < 20; i++)
        expect((await login(url, `stranger-${i}`, 'wrong-password', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(401);
      expect((await login(url, 'stranger-x', 'wrong-password', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(429);
      expect((await login(url, 'stranger-x', 'wrong-password', { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(401);
      expect((await server.services.store.loginFailures(['address:203.0.113.7']))[0]?.failures).toBe(20);
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      listener.closeAllConnections();
      await behindProxy.services.store.close();
    }
  });
});
