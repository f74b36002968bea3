import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from './routes/apiRoutes.js';
import type { Route } from './Route.js';
import { client, startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';
import type { Role, Scope } from '../store/types.js';
import { SCOPES } from '../store/types.js';

let server: TestServer;
const callers: Record<string, Client> = {};

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.signIn('admin', server.adminPassword);
  callers.admin = admin;
  for (const role of ['manager', 'staff'] as const) {
    await admin('POST', '/users', { username: `${role}1`, displayName: role, password: `${role}-password-123`, roles: [role] });
    callers[role] = await server.signIn(`${role}1`, `${role}-password-123`);
  }
  for (const scope of SCOPES) {
    const created = await admin('POST', '/api-keys', { name: scope, scopes: [scope] });
    callers[scope] = client(server.url, { Authorization: `Bearer ${created.body.secret as string}` });
  }
  callers.anonymous = client(server.url);
});
afterAll(() => server.close());

/** Fills `:params` with values that exist nowhere: access is decided before the handler looks them up. */
const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => (name === 'version' ? '1' : `no-such-${name}`));

function expectedAllowed(route: Route, caller: string): boolean {
  if (route.access.public) return true;
  if (caller === 'anonymous') return false;
  if ((SCOPES as readonly string[]).includes(caller)) return route.access.scope === (caller as Scope);
  return (route.access.roles ?? []).includes(caller as Role);
}

describe('route access', () => {
  // Signing out ends the callers' sessions: walk it last.
  const routes = apiRoutes({} as never).sort((a, b) => Number(a.path === '/auth/logout') - Number(b.path === '/auth/logout'));

  it('when the route table is read, then every route declares who may call it', () => {
    for (const route of routes)
      expect(route.access.public === true || (route.access.roles?.length ?? 0) > 0 || route.access.scope !== undefined).toBe(true);
  });

  it('when the user deactivation routes are read, then they are in the table for admins only', () => {
    const access = (path: string) => routes.find((r) => r.method === 'post' && r.path === path)?.access;
    expect(access('/users/:id/deactivate')).toEqual({ roles: ['admin'] });
    expect(access('/users/:id/reactivate')).toEqual({ roles: ['admin'] });
  });

  it('when the approval withdrawal and decision routes are looked up, then only admins and managers may call them, without API keys', () => {
    for (const path of ['/approvals/:id/withdrawal', '/approvals/:id/decision']) {
      const route = routes.find((r) => r.method === 'post' && r.path === path);
      expect(route?.access).toEqual({ roles: ['admin', 'manager'] });
    }
  });

  for (const route of routes) {
    it(`when each caller tries ${route.method.toUpperCase()} ${route.path}, then only the declared roles and scopes get through`, async () => {
      for (const [name, call] of Object.entries(callers)) {
        const { status } = await call(
          route.method.toUpperCase(),
          concrete(route.path),
          route.method === 'get' || route.method === 'delete' ? undefined : {},
        );
        const denied = status === 401 || status === 403;
        expect({ caller: name, status, denied }).toEqual({ caller: name, status, denied: !expectedAllowed(route, name) });
      }
    });
  }
});

describe('store scope on every route', () => {
  // A record of store B with a marker in its data, an approval for the general manager and a fine.
  const MARKER = 'STORE-B-ONLY-7f3a';
  let recordId: string;
  let approvalId: string;
  /** Each outsider's session cookie: answers are read as text (the ledger export is CSV). */
  const outsiders: Record<string, string> = {};
  const call = async (cookie: string, method: string, url: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: { Cookie: cookie, 'X-Requested-With': 'aftersales', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };
  let admin: Client;

  beforeAll(async () => {
    // (The walk above signed everyone out.)
    admin = await server.signIn('admin', server.adminPassword);
    for (const [username, roles, policyRoles] of [
      ['scope-staff-a', ['staff'], ['customerServiceClerk', 'generalManager']],
      ['scope-manager-a', ['manager'], ['generalManager', 'afterSalesManager']],
    ] as const) {
      await admin('POST', '/users', {
        username,
        displayName: username,
        password: `${username}-pw-12345`,
        roles,
        policyRoles,
        stores: ['A'],
      });
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: `${username}-pw-12345` }),
      });
      outsiders[username] = login.headers.get('set-cookie')!.split(';')[0]!;
    }
    const created = await admin('POST', '/records', {
      form: 'vehicle-use',
      store: 'B',
      data: { user: MARKER, driver: MARKER, departureTime: '2025-10-09T08:00:00+08:00', purpose: MARKER, repairCost: 350 },
    });
    expect(created.status).toBe(201);
    recordId = created.body.id as string;
    approvalId = ((await admin('GET', '/approvals')).body.items as { id: string; recordId: string }[]).find(
      (a) => a.recordId === recordId,
    )!.id;
  });

  /** The store B record's ids where a route takes one; the queries routes require. */
  const path = (route: Route) =>
    route.path
      .replace('/records/:id', `/records/${recordId}`)
      .replace('/approvals/:id', `/approvals/${approvalId}`)
      .replace(/:version/, '1')
      .replace(/:(\w+)/g, 'no-such-$1') +
    ({
      '/fines/export': '?format=csv',
      '/dashboard/counts': '?form=vehicle-use&field=purpose',
      '/dashboard/compliance': '?groupBy=purpose',
    }[route.path] ?? '');

  it("when staff and a manager of store A (holding the approver's role) call every route, then store B's record appears in no answer and cannot be decided", async () => {
    const routes = apiRoutes({} as never).filter((r) => r.path !== '/auth/logout');
    for (const [name, cookie] of Object.entries(outsiders))
      for (const route of routes) {
        const body =
          route.method === 'get' || route.method === 'delete' ? undefined : route.path.includes('decision') ? { decision: 'approve' } : {};
        const { status, text } = await call(cookie, route.method.toUpperCase(), path(route), body);
        expect({ caller: name, route: `${route.method} ${route.path}`, leaks: text.includes(MARKER) }).toEqual({
          caller: name,
          route: `${route.method} ${route.path}`,
          leaks: false,
        });
        if (route.path === '/approvals/:id/decision') expect([403, 404]).toContain(status);
      }
    // Still pending: nobody outside store B decided it.
    const pending = (await admin('GET', '/approvals')).body.items as { id: string }[];
    expect(pending.map((a) => a.id)).toContain(approvalId);
  });
});
