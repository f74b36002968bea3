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
