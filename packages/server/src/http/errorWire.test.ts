import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverErrorMessage, serverErrors } from '@aftersales/contract';
import { HTTP_STATUS } from '../errors/AppError.js';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startTestServer({ importPack: false });
  admin = await server.signIn('admin', server.adminPassword);
});
afterAll(() => server.close());

describe('errors on the wire', () => {
  it('when a service refuses by a catalog code, then the answer names the code and its params, with the message in both languages', async () => {
    const { status, body } = await admin('POST', '/users/no-such-user/deactivate', {});
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', reason: 'user.notFound', params: { id: 'no-such-user' } });
    expect(body.error.message).toBe(serverErrorMessage('user.notFound', { id: 'no-such-user' }).en);
    expect(body.error.messageZh).toBe('用户不存在');
  });

  it('when a body is invalid, then the problems come once, as details with pointers (no second copy)', async () => {
    const { status, body } = await admin('POST', '/users', { username: 'a b' });
    expect(status).toBe(400);
    expect(body.error.details).toContainEqual(expect.objectContaining({ pointer: '/username' }));
    expect(body.error).not.toHaveProperty('problems');
  });

  it('when the catalog is read, then every code has a kind and a message in zh-CN and English', () => {
    for (const [code, entry] of Object.entries(serverErrors)) {
      expect(entry.kind, code).toMatch(/^[a-z_]+$/);
      expect(entry['zh-CN'].length, code).toBeGreaterThan(0);
      expect(entry.en.length, code).toBeGreaterThan(0);
    }
  });

  // One request per catalog code that a plain request reaches: the refusal names the code, its kind's status, and both messages.
  const refusals: { reason: string; status: number; method: string; path: string; body?: unknown; pointer?: string }[] = [
    { reason: 'record.notFound', status: 404, method: 'GET', path: '/records/no-such-record' },
    { reason: 'definition.notFound', status: 404, method: 'GET', path: '/forms/no-such-form' },
    { reason: 'definition.noDraft', status: 404, method: 'DELETE', path: '/forms/no-such-form/draft' },
    { reason: 'definition.idRequired', status: 400, method: 'POST', path: '/forms', body: { definition: {} }, pointer: '/definition/id' },
    {
      reason: 'definition.idMismatch',
      status: 400,
      method: 'PUT',
      path: '/forms/a/draft',
      body: { definition: { id: 'b' } },
      pointer: '/definition/id',
    },
    { reason: 'version.notFound', status: 404, method: 'GET', path: '/forms/a/versions/0/validator.js?locale=en' },
    { reason: 'query.badLocale', status: 400, method: 'GET', path: '/forms/a/versions/1/validator.js?locale=fr', pointer: '/query/locale' },
    { reason: 'query.twoVersions', status: 400, method: 'GET', path: '/forms/a/diff', pointer: '/query/from' },
    { reason: 'roles.notPublished', status: 404, method: 'GET', path: '/roles' },
    { reason: 'apiKey.notFound', status: 404, method: 'DELETE', path: '/api-keys/no-such-key' },
    { reason: 'file.notFound', status: 404, method: 'GET', path: '/files/no-such-file' },
    { reason: 'delivery.notFound', status: 404, method: 'POST', path: '/deliveries/no-such-delivery/replay' },
    { reason: 'approval.notFound', status: 404, method: 'POST', path: '/approvals/no-such/decision', body: { decision: 'approve' } },
    { reason: 'query.badMonth', status: 400, method: 'GET', path: '/fines?month=2025-13', pointer: '/query/month' },
    { reason: 'query.badFormat', status: 400, method: 'GET', path: '/fines/export', pointer: '/query/format' },
    { reason: 'query.required', status: 400, method: 'GET', path: '/dashboard/compliance', pointer: '/query/groupBy' },
    { reason: 'query.notAField', status: 400, method: 'GET', path: '/dashboard/counts?form=a&field=a%20b', pointer: '/query/field' },
    { reason: 'query.notADate', status: 400, method: 'GET', path: '/records?from=2025-02-30', pointer: '/query/from' },
    {
      reason: 'dateField.needsForm',
      status: 400,
      method: 'GET',
      path: '/records?from=2025-02-01&dateField=visit',
      pointer: '/query/dateField',
    },
    {
      reason: 'impact.filesRequired',
      status: 400,
      method: 'POST',
      path: '/impact',
      body: { draft: { kind: 'pack' } },
      pointer: '/draft/files',
    },
    {
      reason: 'impact.idRequired',
      status: 400,
      method: 'POST',
      path: '/impact',
      body: { draft: { kind: 'ruleset' } },
      pointer: '/draft/id',
    },
    {
      reason: 'impact.badWindow',
      status: 400,
      method: 'POST',
      path: '/impact',
      body: { draft: { kind: 'pack', files: [{ path: 'a', content: '{}' }] }, since: '0d' },
      pointer: '/since',
    },
    { reason: 'url.notUrl', status: 400, method: 'POST', path: '/channels', body: channel('not a url'), pointer: '/config/url' },
    {
      reason: 'url.scheme',
      status: 400,
      method: 'POST',
      path: '/channels',
      body: channel('ftp://example.com/hook'),
      pointer: '/config/url',
    },
    {
      reason: 'url.credentials',
      status: 400,
      method: 'POST',
      path: '/channels',
      body: channel('https://u:p@example.com/hook'),
      pointer: '/config/url',
    },
    {
      reason: 'url.internalHost',
      status: 400,
      method: 'POST',
      path: '/channels',
      body: channel('http://127.0.0.1:9/hook'),
      pointer: '/config/url',
    },
    { reason: 'password.fewCharacters', status: 400, method: 'POST', path: '/users', body: user('abababababab'), pointer: '/password' },
    { reason: 'password.sequence', status: 400, method: 'POST', path: '/users', body: user('1234567890'), pointer: '/password' },
    { reason: 'password.name', status: 400, method: 'POST', path: '/users', body: user('wire-tester-2'), pointer: '/password' },
  ];

  for (const refusal of refusals)
    it(`when ${refusal.method} ${refusal.path} is refused, then the answer is ${refusal.reason} with its catalog message in both languages`, async () => {
      const { status, body } = await admin(refusal.method, refusal.path, refusal.body);
      expect({ status, reason: body.error.reason }).toEqual({ status: refusal.status, reason: refusal.reason });
      const entry = serverErrors[refusal.reason as keyof typeof serverErrors];
      expect(HTTP_STATUS[entry.kind]).toBe(status);
      const message = serverErrorMessage(refusal.reason as keyof typeof serverErrors, body.error.params);
      expect(body.error).toMatchObject({ message: message.en, messageZh: message['zh-CN'] });
      if (refusal.pointer) expect(body.error.details).toContainEqual(expect.objectContaining({ pointer: refusal.pointer }));
      for (const detail of body.error.details ?? []) expect(detail.messageZh, JSON.stringify(detail)).toEqual(expect.any(String));
    });
});

function channel(url: string) {
  return { store: 'S1', kind: 'webhook', name: 'hook', events: ['record'], config: { url, secret: 'a-secret-of-enough-length' } };
}

function user(password: string) {
  return { username: 'wire-tester-2', displayName: 'Wire Tester', password, roles: ['staff'] };
}
