import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadValidatorRuntime, localizeForm, type FormDefinition, type RecordValidatorsModule } from '@aftersales/engine';
import { hashForSchema, type RJSFSchema } from '@rjsf/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// The staff app validates a record in the browser with validate functions the server generates
// from its own ajv: GET /forms/:id/versions/:version/validator.js.

let server: TestServer;
let admin: Client;
let clerk: Client;
let key: string;
const dir = mkdtempSync(join(tmpdir(), 'validator-modules-'));

const record = (overrides: Record<string, unknown> = {}) => ({
  ticketNo: 'V-1',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  serviceType: 'repair',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn('admin', server.adminPassword);
  await admin('POST', '/users', {
    username: 'clerk',
    displayName: '店员',
    password: 'clerk-password-123',
    roles: ['staff'],
    stores: ['jiefang'],
  });
  clerk = await server.signIn('clerk', 'clerk-password-123');
  key = (await admin('POST', '/api-keys', { name: 'reader', scopes: ['definitions:read'] })).body.secret as string;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetchModule = (path: string) => fetch(`${server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${key}` } });

let loaded = 0;
async function load(source: string) {
  const file = join(dir, `m${loaded++}.mjs`);
  writeFileSync(file, source);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as RecordValidatorsModule;
  return module.default(await loadValidatorRuntime(module.requires));
}

describe('GET /forms/:id/versions/:version/validator.js', () => {
  it('when a published version is asked for in a language, then the module checks records as POST /records does', async () => {
    const { body: doc } = await admin('GET', '/forms/after-sales-record');
    const version = doc.published.version as number;
    const response = await fetchModule(`/forms/after-sales-record/versions/${version}/validator.js?locale=zh-CN`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const validators = await load(await response.text());
    // Keyed as RJSF's precompiled validator looks the root schema up: by its hash, for the schema it renders.
    const rendered = localizeForm(doc.published.definition as FormDefinition, 'zh-CN').schema as RJSFSchema;
    const validate = validators[hashForSchema(rendered)]!;
    expect(validate).toBeTypeOf('function');

    for (const [data, status] of [
      [record({ fee: 19.99 }), 201],
      [record({ ticketNo: 'V-2', fee: 19.995 }), 400],
      [record({ ticketNo: 'V-3', zone: 'moon' }), 400],
      [{ ticketNo: 'V-4' }, 400],
    ] as const) {
      const created = await clerk('POST', '/records', { form: 'after-sales-record', data, store: 'jiefang' });
      expect({ status: created.status, body: created.status === status ? null : created.body }).toEqual({ status, body: null });
      expect(validate(data)).toBe(status === 201);
      if (status === 400) {
        const pointers = (created.body.error.details as { pointer: string }[]).map((d) => d.pointer).sort();
        const inBrowser = (validate.errors as { instancePath: string; keyword: string; params: { missingProperty?: string } }[])
          .map((e) => (e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath))
          .sort();
        expect(inBrowser.map((p) => `/data${p}`)).toEqual(pointers);
      }
    }
  });

  it('when the language or version is wrong, then a clear 4xx', async () => {
    const bad = async (path: string) => {
      const response = await fetchModule(path);
      return { status: response.status, body: (await response.json()) as { error: { code: string } } };
    };
    expect((await bad('/forms/after-sales-record/versions/1/validator.js')).status).toBe(400);
    expect((await bad('/forms/after-sales-record/versions/1/validator.js?locale=fr')).status).toBe(400);
    expect((await bad('/forms/after-sales-record/versions/999/validator.js?locale=en')).status).toBe(404);
    expect((await bad('/forms/after-sales-record/versions/x/validator.js?locale=en')).status).toBe(404);
    expect((await bad('/forms/no-such-form/versions/1/validator.js?locale=en')).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/forms/after-sales-record/versions/1/validator.js?locale=en`)).status).toBe(401);
  });
});
