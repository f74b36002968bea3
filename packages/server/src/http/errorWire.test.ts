import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverErrorMessage, serverErrors } from '@aftersales/contract';
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
});
