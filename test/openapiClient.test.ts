import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore, createApp } from '@aftersales/server';
import type { paths } from '../docs/api/openapi.js';
import { DOCUMENT_PATH, TYPES_PATH, generateClientFiles } from '../scripts/openapiClient.js';

const adminPassword = 'admin-password-for-tests';
const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-client-'));
let http: Server;
let store: SqliteStore;
let idle: () => Promise<void>;
let url: string;
beforeAll(async () => {
  store = new SqliteStore(dataDir);
  const { app, services } = createApp({ store });
  idle = () => services.deadlineRecompute.idle();
  await services.auth.bootstrapAdmin(adminPassword);
  http = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeAllConnections();
  await idle();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the integrators’ typed client', () => {
  it('when the OpenAPI document is generated again, then it and its client types equal the checked-in ones (run npm run gen:client)', async () => {
    const { document, types } = await generateClientFiles();
    expect(document, 'docs/api/openapi.json is stale: run npm run gen:client').toBe(readFileSync(DOCUMENT_PATH, 'utf8'));
    expect(types, 'docs/api/openapi.d.ts is stale: run npm run gen:client').toBe(readFileSync(TYPES_PATH, 'utf8'));
  });

  it('when an integrator calls the API with openapi-fetch over the generated types, then the answer has the declared type', async () => {
    const api = createClient<paths>({ baseUrl: `${url}/api/v1` });
    const { data, error, response } = await api.POST('/auth/login', { body: { username: 'admin', password: adminPassword } });
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
