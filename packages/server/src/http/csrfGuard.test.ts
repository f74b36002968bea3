import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from './routes/apiRoutes.js';
import { startTestServer, type TestServer } from '../testing/startTestServer.js';

let server: TestServer;
let cookie: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.signIn('admin', server.adminPassword);
  cookie = await sessionCookie();
  ids.forms = (await admin('GET', '/forms')).body.items[0].id;
  ids['rule-sets'] = (await admin('GET', '/rule-sets')).body.items[0].id;
  ids.calendars = (await admin('GET', '/calendars')).body.items[0]?.id ?? 'none';
  ids.users = (
    await admin('POST', '/users', { username: 'victim', displayName: 'V', password: 'victim-password-123', roles: ['staff'] })
  ).body.id;
  ids['api-keys'] = (await admin('POST', '/api-keys', { name: 'k', scopes: ['records:read'] })).body.key.id;
  ids.records = (
    await admin('POST', '/records', {
      form: 'vehicle-use',
      data: { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货' },
    })
  ).body.id;
});
afterAll(() => server.close());

async function sessionCookie(): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** Real ids, so that a request that got through would change something. */
const concrete = (path: string) =>
  path
    .replace(/^\/([\w-]+)\/:id/, (_, base: string) => `/${base}/${ids[base] ?? 'x'}`)
    .replace(/:version/, '1')
    .replace(/:\w+/g, 'x');

/** Everything a forged request could change: documents, records, users, keys, the audit log, the session. */
async function snapshot(): Promise<string> {
  const { store } = server.services;
  const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { Cookie: cookie } });
  return JSON.stringify([
    await store.listDocuments('form'),
    await store.listDocuments('ruleset'),
    await store.listDocuments('calendar'),
    (await store.listRecords({ limit: 500, offset: 0 })).items,
    await store.listUsers(),
    await store.listApiKeys(),
    (await store.listAudit({ limit: 10_000 })).length,
    me.status,
  ]);
}

const forged: { name: string; headers: Record<string, string>; body?: string }[] = [
  { name: 'text/plain', headers: { 'Content-Type': 'text/plain' }, body: '{"archived":true,"x":"=' },
  { name: 'form-encoded', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'archived=true' },
  { name: 'multipart', headers: { 'Content-Type': 'multipart/form-data; boundary=b' }, body: '--b\r\n\r\nx\r\n--b--\r\n' },
  { name: 'empty', headers: {} },
  { name: 'an image (upload)', headers: { 'Content-Type': 'image/png' }, body: '\x89PNG\r\n\x1a\n' },
];

describe('csrfGuard', () => {
  const writes = apiRoutes({} as never)
    .filter((r) => r.method !== 'get')
    .sort((a, b) => Number(a.path === '/auth/logout') - Number(b.path === '/auth/logout'));

  it('when the route table is read, then it has write routes to walk', () => {
    expect(writes.length).toBeGreaterThan(10);
  });

  it('when a cross-site form posts to every write route with the session cookie, then each is refused with 403 and nothing changes', async () => {
    const before = await snapshot();
    for (const route of writes)
      for (const request of forged) {
        const response = await fetch(`${server.url}/api/v1${concrete(route.path)}`, {
          method: route.method.toUpperCase(),
          headers: { Cookie: cookie, ...request.headers },
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        const body = (await response.json()) as { error: { code: string; messageZh?: string } };
        expect({ route: `${route.method} ${route.path}`, request: request.name, status: response.status, code: body.error.code }).toEqual({
          route: `${route.method} ${route.path}`,
          request: request.name,
          status: 403,
          code: 'forbidden',
        });
        expect(body.error.messageZh).toMatch(/伪造/);
      }
    expect(await snapshot()).toBe(before);
  });

  it('when the web app sends X-Requested-With: aftersales, then every write route passes the guard', async () => {
    for (const route of writes) {
      const response = await fetch(`${server.url}/api/v1${concrete(route.path)}`, {
        method: route.method.toUpperCase(),
        headers: { Cookie: cookie, 'X-Requested-With': 'aftersales' },
      });
      const text = await response.text();
      expect({ route: `${route.method} ${route.path}`, refusedByGuard: /X-Requested-With/.test(text) }).toEqual({
        route: `${route.method} ${route.path}`,
        refusedByGuard: false,
      });
    }
  });

  it('when an empty POST declares Content-Type: application/json with the cookie, then it passes the guard (a form cannot send that type)', async () => {
    const response = await fetch(`${server.url}/api/v1/clock/tick`, {
      method: 'POST',
      headers: { Cookie: await sessionCookie(), 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });

  it('when an API key posts without the header, then the guard does not apply', async () => {
    const admin = await server.signIn('admin', server.adminPassword);
    const key = (await admin('POST', '/api-keys', { name: 'writer', scopes: ['definitions:write'] })).body.secret as string;
    const response = await fetch(`${server.url}/api/v1/rule-sets/${ids['rule-sets']}/archive`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, Cookie: await sessionCookie() },
    });
    expect(response.status).toBe(200);
  });
});
