import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isServerErrorCode, serverErrorMessage, serverErrors, type ServerErrorCode, type TSchema } from '@aftersales/contract';
import { HTTP_STATUS } from '../errors/AppError.js';
import { client, startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';
import { createRouter } from './createRouter.js';
import { errorHandler } from './errorHandler.js';
import type { Route } from './Route.js';

const codes = Object.keys(serverErrors) as ServerErrorCode[];
/** Any `{...}` of a template, also one the catalog's filler would not fill (`{a-b}`, `{ }`). */
const PLACEHOLDER = /\{[^{}]*\}/g;

/** The server's own sources (tests excluded), the places a code can be thrown from. */
function serverSources(): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return files.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
}

describe('the server error catalog', () => {
  it('when every code is filled with a value per placeholder, then both languages have a message and no placeholder is left', () => {
    for (const code of codes) {
      const entry = serverErrors[code];
      const names = [...`${entry.en} ${entry['zh-CN']}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
      const message = serverErrorMessage(code, params as never);
      for (const text of [message.en, message['zh-CN']]) {
        expect(text.trim().length, code).toBeGreaterThan(0);
        expect(text.match(PLACEHOLDER), `${code}: ${text}`).toBeNull();
      }
      for (const name of names) expect(`${message.en} ${message['zh-CN']}`, code).toContain(`«${name}»`);
      expect(HTTP_STATUS[entry.kind], code).toBeGreaterThanOrEqual(400);
    }
  });

  it('when the server sources are read, then every code of the catalog is thrown or named somewhere (no dead code)', () => {
    const sources = serverSources();
    expect(codes.filter((code) => !sources.includes(`'${code}'`))).toEqual([]);
  });
});

let server: TestServer;
let admin: Client;
let staff: Client;
let anonymous: Client;
beforeAll(async () => {
  server = await startTestServer({ importPack: false });
  admin = await server.signIn('admin', server.adminPassword);
  const created = await admin('POST', '/users', {
    username: 'catalog-staff',
    displayName: 'Catalog Staff',
    password: 'a quiet harbour of lanterns',
    roles: ['staff'],
  });
  expect(created.status).toBe(201);
  staff = await server.signIn('catalog-staff', 'a quiet harbour of lanterns');
  anonymous = client(server.url);
});
afterAll(() => server.close());

interface Refusal {
  reason: ServerErrorCode;
  who: () => Client;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  pointer?: string;
}

/**
 * The router and error handler of the app on one route the contract does not have: a number query
 * parameter without bounds (ajv coerces "1e309" to Infinity, which only a bound would catch), and a
 * handler that fails unexpectedly.
 */
async function probeServer(): Promise<{ call: Client; close: () => Promise<void> }> {
  const query = { type: 'object', properties: { x: { type: 'number' } } } as unknown as TSchema;
  const probe: Route = {
    method: 'get',
    path: '/probe',
    access: { public: true },
    summary: 'probe',
    endpoint: { method: 'get', path: '/probe', query },
    handler: () => Promise.reject(new Error('a bug')),
    publicHandler: () => Promise.reject(new Error('a bug')),
  };
  const app = express();
  app.use('/api/v1', createRouter([probe], server.services.auth));
  app.use(errorHandler);
  const listening = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', resolve));
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  return { call: client(url), close: () => new Promise<void>((resolve) => listening.close(() => resolve())) };
}

describe('request parsing refusals, through real routes', () => {
  let probe: Client;
  let closeProbe = () => Promise.resolve();
  beforeAll(async () => {
    ({ call: probe, close: closeProbe } = await probeServer());
  });
  afterAll(() => closeProbe());

  it('when a handler fails unexpectedly, then the answer is server.internal, a 500 with both messages and nothing of the failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { status, body } = await probe('GET', '/probe');
      const message = serverErrorMessage('server.internal', {});
      expect({ status, error: body.error }).toEqual({
        status: 500,
        error: { code: 'internal', reason: 'server.internal', params: {}, message: message.en, messageZh: message['zh-CN'] },
      });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
  });

  const refusals: Refusal[] = [
    { reason: 'query.notFinite', who: () => probe, method: 'GET', path: '/probe?x=1e309', pointer: '/query/x' },
    { reason: 'request.noRoute', who: () => admin, method: 'GET', path: '/no-such-route' },
    { reason: 'auth.required', who: () => anonymous, method: 'GET', path: '/records' },
    { reason: 'auth.notAllowed', who: () => staff, method: 'GET', path: '/users' },
    {
      reason: 'request.notJson',
      who: () => admin,
      method: 'POST',
      path: '/users',
      body: 'username=x',
      headers: { 'Content-Type': 'text/plain' },
    },
    { reason: 'upload.wrongType', who: () => admin, method: 'POST', path: '/files', body: { photo: 'x' } },
    { reason: 'query.operator', who: () => admin, method: 'GET', path: '/records?status[$ne]=x', pointer: '/query/status[$ne]' },
    { reason: 'query.invalid', who: () => admin, method: 'GET', path: '/records?limit=many', pointer: '/query/limit' },
    { reason: 'params.invalid', who: () => admin, method: 'POST', path: `/users/${'x'.repeat(201)}/deactivate`, pointer: '/params/id' },
    { reason: 'list.badCursor', who: () => admin, method: 'GET', path: '/records?cursor=not!a!cursor', pointer: '/query/cursor' },
    { reason: 'body.invalid', who: () => admin, method: 'POST', path: '/users', body: { username: 'a b' }, pointer: '/username' },
    {
      reason: 'body.unsafe',
      who: () => admin,
      method: 'POST',
      path: '/users',
      body: '{"__proto__":{"admin":true}}',
      pointer: '/__proto__',
    },
    { reason: 'body.notJson', who: () => admin, method: 'POST', path: '/users', body: '{"username":' },
    {
      reason: 'body.badEncoding',
      who: () => admin,
      method: 'POST',
      path: '/users',
      body: '{}',
      headers: { 'Content-Type': 'application/json; charset=klingon' },
    },
    { reason: 'body.tooLarge', who: () => admin, method: 'POST', path: '/users', body: JSON.stringify({ note: 'x'.repeat(1_100_000) }) },
  ];

  for (const refusal of refusals)
    it(`when ${refusal.method} ${refusal.path.slice(0, 60)} is refused, then the answer is ${refusal.reason}, a 4xx of its kind with both messages filled`, async () => {
      const { status, body } = await refusal.who()(refusal.method, refusal.path, refusal.body, refusal.headers);
      const entry = serverErrors[refusal.reason];
      expect({ status, code: body.error.code, reason: body.error.reason }).toEqual({
        status: HTTP_STATUS[entry.kind],
        code: entry.kind,
        reason: refusal.reason,
      });
      expect(status).toBeLessThan(500);
      const message = serverErrorMessage(refusal.reason, body.error.params);
      expect(body.error).toMatchObject({ message: message.en, messageZh: message['zh-CN'] });
      for (const text of [body.error.message, body.error.messageZh]) expect(text).not.toMatch(PLACEHOLDER);
      if (refusal.pointer) expect(body.error.details).toContainEqual(expect.objectContaining({ pointer: refusal.pointer }));
      for (const detail of body.error.details ?? []) {
        expect(detail, JSON.stringify(detail)).toMatchObject({ message: expect.any(String), messageZh: expect.any(String) });
        if (isServerErrorCode(detail.code)) expect(`${detail.message} ${detail.messageZh}`).not.toMatch(PLACEHOLDER);
      }
    });
});
