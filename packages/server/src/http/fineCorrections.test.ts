import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Corrections of the fines ledger: append-only reversals and corrections by a manager, with a reason.

// The job is entered once it was done (times in the future are refused).
let now = new Date('2025-10-09T13:30:00+08:00');
let server: TestServer;
let admin: Client;
let manager: Client;
let clerk: Client;
let outsider: Client;
let fineId: string;
let recordId: string;

const job = {
  ticketNo: 'FIX-1',
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: '王师傅',
  arrivalTime: '2025-10-09T12:00:00+08:00',
  resolution: 'fixedOnSite',
  fee: 180,
  completedAt: '2025-10-09T13:00:00+08:00',
};

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, stores] of [
    ['boss', ['manager'], ['jiefang']],
    ['farboss', ['manager'], ['elsewhere']],
    ['clerk', ['staff'], ['jiefang']],
  ] as const)
    expect(
      (await admin('POST', '/users', { username, displayName: username, password: `${username}-password-123`, roles, stores })).status,
    ).toBe(201);
  clerk = await server.signIn('clerk', 'clerk-password-123');
  const created = await clerk('POST', '/records', { form: 'after-sales-record', data: job, store: 'jiefang' });
  expect(created.status).toBe(201);
  recordId = created.body.id;
  // Four days later the revenue was never handed in: the clock posts the breach fine.
  now = new Date('2025-10-13T14:00:00+08:00');
  admin = await server.signIn('admin', server.adminPassword);
  manager = await server.signIn('boss', 'boss-password-123');
  outsider = await server.signIn('farboss', 'farboss-password-123');
  clerk = await server.signIn('clerk', 'clerk-password-123');
  expect((await admin('POST', '/clock/tick')).status).toBe(200);
  const fine = (await manager('GET', '/fines')).body.items.find((f: { recordId: string }) => f.recordId === recordId);
  expect(fine).toMatchObject({ amount: 180, origin: 'breach' });
  // The record is named as people name it, never by its id.
  // The ticket number is the server's (numbered per store and day), then the customer.
  expect(fine.recordTitle['zh-CN']).toMatch(/ · SH-20251009-\d{3} · 李女士 · 2025-10-09$/);
  fineId = fine.id;
}, 60_000);
afterAll(() => server.close());

describe('fines ledger corrections', () => {
  it('when a bad correction is asked, then it is a 4xx with a pointer and nothing is written', async () => {
    expect((await manager('POST', `/fines/${fineId}/corrections`, {})).status).toBe(400);
    expect((await manager('POST', `/fines/${fineId}/corrections`, { reason: 'x', amount: -5 })).status).toBe(400);
    expect((await manager('POST', `/fines/${fineId}/corrections`, { reason: 'x', amount: 1.234 })).status).toBe(400);
    const same = await manager('POST', `/fines/${fineId}/corrections`, { reason: 'x', amount: 180 });
    expect(same.status).toBe(422);
    expect(same.body.error).toMatchObject({ messageZh: '更正后的金额与原金额相同' });
    expect((await manager('POST', `/fines/${fineId}/corrections`, { reason: '   ' })).status).toBe(400);
    expect((await manager('POST', '/fines/no-such-fine/corrections', { reason: 'x' })).status).toBe(404);
    // A manager of another store cannot see the fine, let alone correct it.
    expect((await outsider('POST', `/fines/${fineId}/corrections`, { reason: 'x' })).status).toBe(404);
    expect((await clerk('POST', `/fines/${fineId}/corrections`, { reason: 'x' })).status).toBe(403);
    expect((await manager('GET', '/fines')).body.items.filter((f: { recordId: string }) => f.recordId === recordId)).toHaveLength(1);
  });

  it('when a manager corrects a fine, then the original stays, a reversal and the new fine are appended, and totals net them', async () => {
    now = new Date('2025-10-13T14:20:00+08:00');
    const corrected = await manager('POST', `/fines/${fineId}/corrections`, { reason: '营业款已于当日交回，系统未登记', amount: 20 });
    expect(corrected.status).toBe(201);
    expect(corrected.body.reversal).toMatchObject({
      amount: -180,
      origin: 'reversal',
      corrects: fineId,
      correctedBy: 'boss',
      note: '营业款已于当日交回，系统未登记',
      postedAt: now.toISOString(),
    });
    expect(corrected.body.replacement).toMatchObject({ amount: 20, origin: 'correction', corrects: fineId });
    const ledger = await manager('GET', '/fines?month=2025-10');
    const rows = ledger.body.items.filter((f: { recordId: string }) => f.recordId === recordId);
    expect(rows.map((f: { amount: number }) => f.amount).sort((a: number, b: number) => a - b)).toEqual([-180, 20, 180]);
    expect(ledger.body.total).toBe(20);
    expect(ledger.body.summary).toContainEqual({
      person: '王师傅',
      personName: '王师傅',
      payerRole: 'technician',
      month: '2025-10',
      count: 2,
      total: 20,
    });
    const history = await admin('GET', '/fines');
    expect(history.status).toBe(200);
  });

  it('when a fine was reversed, then it cannot be reversed again, and a reversal cannot be reversed', async () => {
    const twice = await manager('POST', `/fines/${fineId}/corrections`, { reason: '再次撤销' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ messageZh: '这笔罚款已冲销过，不能再次冲销' });
    const reversal = (await manager('GET', '/fines')).body.items.find((f: { origin: string }) => f.origin === 'reversal');
    const ofReversal = await manager('POST', `/fines/${reversal.id}/corrections`, { reason: 'x' });
    expect(ofReversal.status).toBe(422);
    // The corrected fine itself can still be waived (once).
    const replacement = (await manager('GET', '/fines')).body.items.find((f: { origin: string }) => f.origin === 'correction');
    expect((await manager('POST', `/fines/${replacement.id}/corrections`, { reason: '全部免除' })).status).toBe(201);
    expect((await manager('GET', '/fines?month=2025-10')).body.total).toBe(0);
  });

  it('when the ledger is exported, then reversals are rows of their own with who and why, and the total nets them', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'boss', password: 'boss-password-123' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csv = await fetch(`${server.url}/api/v1/fines/export?format=csv&month=2025-10&lang=zh-CN`, { headers: { Cookie: cookie } });
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text).toContain('冲销');
    expect(text).toContain('boss：营业款已于当日交回，系统未登记');
    expect(text.trimEnd().split('\r\n').at(-1)).toMatch(/合计,0,/);
  });

  it('when a fine is corrected, then the audit log has who, when and why', async () => {
    const audit = await server.services.store.listAudit({ entity: 'fine', entityId: fineId, limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'boss',
      action: 'fine corrected',
      after: { amount: 20, reason: '营业款已于当日交回，系统未登记' },
    });
  });
});
