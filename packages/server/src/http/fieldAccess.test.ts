import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Who may change what: the after-sales record's call time, customer and zone are the clerk's once
// the job is dispatched; the server refuses a technician's change and names the field.

const now = new Date('2025-10-09T22:00:00+08:00');
let server: TestServer;
let clerk: Client;
let technician: Client;
let admin: Client;

const call = {
  ticketNo: 'SH-9',
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T21:30:00+08:00',
  technician: 'wang',
};

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, policyRoles] of [
    ['clerk', ['customerServiceClerk']],
    ['wang', ['technician']],
  ] as const)
    await admin('POST', '/users', {
      username,
      displayName: username,
      password: `${username}-password-123`,
      roles: ['staff'],
      policyRoles,
      stores: ['jiefang'],
    });
  clerk = await server.signIn('clerk', 'clerk-password-123');
  technician = await server.signIn('wang', 'wang-password-123');
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

async function dispatchedJob() {
  const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call, store: 'jiefang' });
  expect(created.status).toBe(201);
  const moved = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'dispatched' });
  expect(moved.status).toBe(200);
  return moved.body as { id: string; rev: number; data: Record<string, unknown> };
}

describe('field access on the after-sales record', () => {
  it('when a technician changes the call time of a dispatched job, then it is refused with the field pointer and nothing is written', async () => {
    const job = await dispatchedJob();
    const refused = await technician('PUT', `/records/${job.id}`, {
      data: { ...job.data, callTime: '2025-10-10T02:30:00+08:00' },
      rev: job.rev,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ reason: 'fields.locked', messageZh: '“来电时间”：你不能修改' });
    expect(refused.body.error.details).toEqual([
      {
        pointer: '/data/callTime',
        code: 'field.locked',
        message: '"Call time" can only be changed by Customer-service clerk, After-sales manager while Dispatched',
        messageZh: '“来电时间”在“已派工”状态下只能由客服专员、售后经理修改',
      },
    ]);
    const stored = await server.services.store.getRecord(job.id);
    expect(stored).toMatchObject({ rev: job.rev, data: { callTime: call.callTime } });
  });

  it('when a technician sends the locked fields back unchanged with his own fields filled, then the edit is stored', async () => {
    const job = await dispatchedJob();
    const saved = await technician('PUT', `/records/${job.id}`, {
      data: { ...job.data, arrivalTime: '2025-10-09T21:50:00+08:00' },
      rev: job.rev,
    });
    expect(saved.status).toBe(200);
  });

  it('when the clerk or an admin corrects the call time, then it is stored', async () => {
    const job = await dispatchedJob();
    const byClerk = await clerk('PUT', `/records/${job.id}`, {
      data: { ...job.data, callTime: '2025-10-09T21:00:00+08:00' },
      rev: job.rev,
    });
    expect(byClerk.status).toBe(200);
    const byAdmin = await admin('PUT', `/records/${job.id}`, {
      data: { ...job.data, callTime: '2025-10-09T20:50:00+08:00' },
      rev: byClerk.body.rev,
    });
    expect(byAdmin.status).toBe(200);
  });
});
