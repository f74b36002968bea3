import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Store names: admins name stores; records, the store list and prints show the name, never the id.

let server: TestServer;
let admin: Client;
let clerk: Client;

const call = {
  store: 'jiefang',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
};

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date('2025-10-09T09:00:00+08:00') });
  admin = await server.signIn('admin', server.adminPassword);
  const created = await admin('POST', '/users', {
    username: 'clerk',
    displayName: '客服小陈',
    password: 'clerk-Password-8642',
    roles: ['staff'],
    policyRoles: ['customerServiceClerk'],
    stores: ['jiefang'],
  });
  expect(created.status).toBe(201);
  clerk = await server.signIn('clerk', 'clerk-Password-8642');
}, 120_000);
afterAll(() => server.close());

describe('store names', () => {
  it('when no store is named yet, then the store list has no names and a record has no store name', async () => {
    expect((await clerk('GET', '/stores')).body).toEqual({ items: ['jiefang'], names: {} });
    const record = await clerk('POST', '/records', { form: 'after-sales-record', data: call });
    expect(record.status).toBe(201);
    expect(record.body).toMatchObject({ store: 'jiefang', storeName: null });
  });

  it('when the admin names a store, then the store list and every record of it read the name', async () => {
    const named = await admin('PUT', '/stores/jiefang', { name: ' 解放路店 ' });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ id: 'jiefang', name: '解放路店' });
    expect((await clerk('GET', '/stores')).body).toEqual({ items: ['jiefang'], names: { jiefang: '解放路店' } });
    const record = await clerk('POST', '/records', { form: 'after-sales-record', data: call });
    expect(record.body.storeName).toBe('解放路店');
    expect((await clerk('GET', `/records/${record.body.id}`)).body).toMatchObject({ store: 'jiefang', storeName: '解放路店' });
  });

  it('when staff try to name a store, or the name is empty or too long, then it is refused with a 4xx and nothing changes', async () => {
    expect((await clerk('PUT', '/stores/jiefang', { name: '我的店' })).status).toBe(403);
    const empty = await admin('PUT', '/stores/jiefang', { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].pointer).toBe('/name');
    expect((await admin('PUT', '/stores/jiefang', { name: '店'.repeat(61) })).status).toBe(400);
    expect((await admin('PUT', '/stores/jiefang', { name: '店', extra: 1 })).status).toBe(400);
    expect((await clerk('GET', '/stores')).body.names).toEqual({ jiefang: '解放路店' });
  });
});
