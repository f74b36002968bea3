import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../docs/api/openapi.js';
import { startTestServer, type TestServer } from '../packages/server/src/testing/startTestServer.js';
import { DOCUMENT_PATH, TYPES_PATH, generateClientFiles } from '../scripts/openapiClient.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ importPack: false });
});
afterAll(() => server.close());

describe('the integrators’ typed client', () => {
  it('when the OpenAPI document is generated again, then it and its client types equal the checked-in ones (run npm run gen:client)', async () => {
    const { document, types } = await generateClientFiles();
    expect(document, 'docs/api/openapi.json is stale: run npm run gen:client').toBe(readFileSync(DOCUMENT_PATH, 'utf8'));
    expect(types, 'docs/api/openapi.d.ts is stale: run npm run gen:client').toBe(readFileSync(TYPES_PATH, 'utf8'));
  });

  it('when an integrator calls the API with openapi-fetch over the generated types, then the answer has the declared type', async () => {
    const api = createClient<paths>({ baseUrl: `${server.url}/api/v1` });
    const { data, error, response } = await api.POST('/auth/login', { body: { username: 'admin', password: server.adminPassword } });
    expect(error).toBeUndefined();
    // `data.user` is typed PublicUser: roles is ('admin' | 'manager' | 'staff')[].
    const roles: ('admin' | 'manager' | 'staff')[] = data!.user.roles;
    expect(roles).toContain('admin');
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const users = await api.GET('/users', { headers: { Cookie: cookie } });
    expect(users.data!.items.map((u) => u.username)).toContain('admin');
    const missing = await api.GET('/records/{id}', { params: { path: { id: 'no-such-record' } }, headers: { Cookie: cookie } });
    expect(missing.error!.error.code).toBe('not_found');
  });
});
