import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// What a form declares beside its schema, checked by the server on every write: computed totals
// (a client cannot post a wrong one) and dates against the clock and each other.

const now = new Date('2025-10-09T10:00:00+08:00');
let server: TestServer;
let wang: Client;

const requisition = (overrides: Record<string, unknown> = {}) => ({
  requester: 'wang',
  purpose: 'repair',
  items: [
    { name: '进水阀', qty: 2, unitPrice: 85 },
    { name: '密封圈', qty: 3, unitPrice: 0.1 },
  ],
  ...overrides,
});

const call = (overrides: Record<string, unknown> = {}) => ({
  store: 'jiefang',
  customer: { name: '李女士', phone: '13800138000' },
  serviceType: 'repair',
  zone: 'urban',
  callTime: '2025-10-09T08:00:00+08:00',
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  const admin = await server.signIn('admin', server.adminPassword);
  expect(
    (
      await admin('POST', '/users', {
        username: 'wang',
        displayName: '王师傅',
        password: 'wang-password-123',
        roles: ['staff'],
        policyRoles: ['technician', 'customerServiceClerk'],
        stores: ['jiefang'],
      })
    ).status,
  ).toBe(201);
  wang = await server.signIn('wang', 'wang-password-123');
}, 120_000);
afterAll(() => server.close());

describe('computed totals on the parts requisition', () => {
  it('when lines have quantities and prices, then the server fills each subtotal and the total', async () => {
    const created = await wang('POST', '/records', { form: 'parts-requisition', data: requisition(), store: 'jiefang' });
    expect(created.status).toBe(201);
    expect(created.body.data.items.map((i: { subtotal: number }) => i.subtotal)).toEqual([170, 0.3]);
    expect(created.body.data.totalAmount).toBe(170.3);
  });

  it('when a client posts a wrong total or subtotal, then it is a 400 at each field saying the computed value, and nothing is written', async () => {
    const before = (await wang('GET', '/records?form=parts-requisition')).body.total as number;
    const wrong = requisition({ totalAmount: 10, items: [{ name: '进水阀', qty: 2, unitPrice: 85, subtotal: 1 }] });
    const refused = await wang('POST', '/records', { form: 'parts-requisition', data: wrong, store: 'jiefang' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { pointer: string; messageZh: string }) => [d.pointer, d.messageZh])).toEqual([
      ['/data/items/0/subtotal', '第 1 行的“小计”按公式计算应为 170，不能手工填写'],
      ['/data/totalAmount', '“总金额”按公式计算应为 170，不能手工填写'],
    ]);
    expect((await wang('GET', '/records?form=parts-requisition')).body.total).toBe(before);
  });

  it('when an edit changes a quantity, then the total follows', async () => {
    const created = await wang('POST', '/records', { form: 'parts-requisition', data: requisition(), store: 'jiefang' });
    const { totalAmount: _total, ...data } = created.body.data as Record<string, unknown>;
    const items = (data.items as Record<string, unknown>[]).map(({ subtotal: _s, ...line }) => line);
    items[0] = { ...items[0], qty: 1 };
    const updated = await wang('PUT', `/records/${created.body.id}`, { data: { ...data, items }, rev: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body.data.totalAmount).toBe(85.3);
  });
});

describe('date checks on the after-sales record', () => {
  it('when the arrival is in the future or before the call, then it is a 400 at the field saying what is expected', async () => {
    const future = await wang('POST', '/records', { form: 'after-sales-record', data: call({ arrivalTime: '2025-10-09T12:00:00+08:00' }) });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([
      expect.objectContaining({
        pointer: '/data/arrivalTime',
        messageZh: '“到场时间”不能晚于现在',
        message: 'Arrival time cannot be later than now',
      }),
    ]);
    const early = await wang('POST', '/records', { form: 'after-sales-record', data: call({ arrivalTime: '2025-10-09T07:00:00+08:00' }) });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0]).toMatchObject({ pointer: '/data/arrivalTime', messageZh: '“到场时间”不能早于“来电时间”' });
  });

  it('when the arrival lies between the call and now, then it is accepted', async () => {
    const ok = await wang('POST', '/records', { form: 'after-sales-record', data: call({ arrivalTime: '2025-10-09T09:30:00+08:00' }) });
    expect(ok.status).toBe(201);
  });
});
