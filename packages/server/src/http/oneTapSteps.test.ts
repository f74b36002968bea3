import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// One-tap steps: a status move that stamps its time field ("已到场" fills the arrival time with the
// server's clock) in one request, checked like an edit.

let now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;
let clerk: Client;
let wang: Client;

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
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
  server = await startTestServer({ clock: () => now, config: { sessionIdleMinutes: 60 * 24 * 30, sessionMaxHours: 24 * 30 } });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, policyRoles] of [
    ['clerk', ['customerServiceClerk']],
    ['wang', ['technician']],
  ] as const)
    expect(
      (
        await admin('POST', '/users', {
          username,
          displayName: username,
          password: `${username}-password-123`,
          roles: ['staff'],
          policyRoles,
          stores: ['jiefang'],
        })
      ).status,
    ).toBe(201);
  clerk = await server.signIn('clerk', 'clerk-password-123');
  wang = await server.signIn('wang', 'wang-password-123');
}, 120_000);
afterAll(() => server.close());

async function dispatchedTo(technician: string) {
  const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call });
  expect(created.status).toBe(201);
  const dispatched = await clerk('POST', `/records/${created.body.id}/dispatch`, { assignee: technician, rev: 1 });
  expect(dispatched.status).toBe(200);
  const moved = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'dispatched' });
  expect(moved.status).toBe(200);
  return moved.body as { id: string; rev: number; data: Record<string, unknown> };
}

describe('one-tap steps on the after-sales record', () => {
  it('when the technician taps 已到场, then the arrival time is the server time and the status moves, in one write', async () => {
    const job = await dispatchedTo('wang');
    expect(job.data.arrivalTime).toBeUndefined();
    now = new Date('2025-10-09T10:15:00+08:00');
    const arrived = await wang('POST', `/records/${job.id}/transitions`, { to: 'onSite' });
    expect(arrived.status).toBe(200);
    expect(arrived.body).toMatchObject({ status: 'onSite', rev: job.rev + 1 });
    expect(arrived.body.data.arrivalTime).toBe('2025-10-09T02:15:00.000Z');
    // The arrival deadline is met by the stamp.
    expect(arrived.body.deadlines.filter((d: { state: string }) => d.state === 'met').length).toBeGreaterThan(0);
    const history = await wang('GET', `/records/${job.id}/history`);
    expect(history.body.items[0]).toMatchObject({ action: 'status dispatched -> onSite', actor: 'wang' });
    expect(history.body.items[0].after.arrivalTime).toBe('2025-10-09T02:15:00.000Z');
  });

  it('when the clerk moves a new call to 已派工 with the status button, then the dispatch time is the server time', async () => {
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call });
    expect(created.status).toBe(201);
    expect(created.body.data.dispatchTime).toBeUndefined();
    const moved = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'dispatched' });
    expect(moved.status).toBe(200);
    expect(moved.body.data.dispatchTime).toBe(now.toISOString());
  });

  it('when a move is no longer open (another tab moved the record), then the answer names the statuses as people read them', async () => {
    const job = await dispatchedTo('wang');
    const refused = await clerk('POST', `/records/${job.id}/transitions`, { to: 'completed' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      messageZh: '状态不能从“已派工”改为“已完工”',
      message: 'the status cannot go from "Dispatched" to "Completed"',
    });
    expect(refused.body.error.details[0]).toMatchObject({ pointer: '/to', messageZh: '可改为：已到场、未完成' });
  });

  it('when the time was already filled in, then the move keeps it', async () => {
    const job = await dispatchedTo('wang');
    const typed = await wang('PUT', `/records/${job.id}`, {
      data: { ...job.data, arrivalTime: '2025-10-09T10:00:00+08:00' },
      rev: job.rev,
    });
    expect(typed.status).toBe(200);
    now = new Date('2025-10-09T11:00:00+08:00');
    const arrived = await wang('POST', `/records/${job.id}/transitions`, { to: 'onSite' });
    expect(arrived.body.data.arrivalTime).toBe('2025-10-09T10:00:00+08:00');
  });
});

describe('one-tap steps are checked like edits', () => {
  it('when the stamped field is locked for the person tapping, then the move is refused at the field and nothing is written', async () => {
    const form = {
      $schema: './meta/form.schema.json',
      id: 'site-visit',
      title: t('上门', 'Site visit'),
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: false,
        properties: {
          note: { type: 'string', maxLength: 100, 'x-title': t('备注', 'Note') },
          arrivedAt: { type: 'string', format: 'date-time', 'x-title': t('到场时间', 'Arrived at') },
        },
      },
      statusFlow: {
        initial: 'open',
        states: [
          { id: 'open', label: t('待上门', 'Open') },
          { id: 'onSite', label: t('已到场', 'On site') },
        ],
        transitions: [{ from: 'open', to: 'onSite', stamp: 'arrivedAt' }],
      },
      fieldAccess: [{ fields: ['arrivedAt'], editableBy: ['customerServiceClerk'], inStates: ['open'] }],
    };
    expect((await admin('POST', '/forms', { definition: form })).status).toBe(201);
    expect((await admin('POST', '/forms/site-visit/publish', {})).status).toBe(200);
    const created = await clerk('POST', '/records', { form: 'site-visit', data: { note: '上门' }, store: 'jiefang' });
    expect(created.status).toBe(201);
    const refused = await wang('POST', `/records/${created.body.id}/transitions`, { to: 'onSite' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0].pointer).toBe('/data/arrivedAt');
    const unchanged = await clerk('GET', `/records/${created.body.id}`);
    expect(unchanged.body).toMatchObject({ status: 'open', rev: 1 });
    expect(unchanged.body.data.arrivedAt).toBeUndefined();
    const moved = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'onSite' });
    expect(moved.status).toBe(200);
    expect(moved.body.data.arrivedAt).toBe(now.toISOString());
  });
});
