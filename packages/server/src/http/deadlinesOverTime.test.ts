import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Deadlines stop counting once met; the records list's dates are local dates of the store's zone.

let now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;

const job = (overrides: Record<string, unknown> = {}) => ({
  ticketNo: 'T-1',
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: '王师傅',
  ...overrides,
});

/** Moves the test clock (sessions last 12 hours: signs in again). */
async function at(time: string): Promise<void> {
  now = new Date(time);
  admin = await server.signIn('admin', server.adminPassword);
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
}, 60_000);
afterAll(() => server.close());

describe('a deadline met late', () => {
  it('when the arrival is recorded after the breach, then the overdue time stops at the arrival and no reminder or notice follows', async () => {
    await at('2025-10-09T09:00:00+08:00');
    const created = await admin('POST', '/records', { form: 'after-sales-record', data: job({ ticketNo: 'LATE-ARRIVAL' }) });
    expect(created.status).toBe(201);
    const arrival = created.body.deadlines.find((d: { key: string }) => d.key.endsWith('/arrival'));
    expect(arrival.dueAt).toBe('2025-10-09T08:00:00.000Z');
    // 17:00: the clock breaches the arrival (16:00).
    await at('2025-10-09T17:00:00+08:00');
    expect((await admin('POST', '/clock/tick')).body.breached).toBeGreaterThanOrEqual(1);
    // 17:25: the technician's arrival at 17:20 is recorded.
    await at('2025-10-09T17:25:00+08:00');
    const updated = await admin('PUT', `/records/${created.body.id}`, {
      data: job({ ticketNo: 'LATE-ARRIVAL', arrivalTime: '2025-10-09T17:20:00+08:00' }),
      rev: created.body.rev,
    });
    expect(updated.status).toBe(200);
    const arrivalNotices = async () =>
      ((await admin('GET', '/notifications?limit=500')).body.items as { recordId: string; message: { 'zh-CN': string } }[]).filter(
        (n) => n.recordId === created.body.id && n.message['zh-CN'].includes('到场'),
      ).length;
    const noticesBefore = await arrivalNotices();
    // 17:37 and a day later: still 80 minutes late, not growing.
    for (const time of ['2025-10-09T17:37:00+08:00', '2025-10-10T17:37:00+08:00']) {
      await at(time);
      await admin('POST', '/clock/tick');
      const board = await admin('GET', '/deadlines?state=breached');
      const row = board.body.items.find(
        (d: { recordId: string; key: string }) => d.recordId === created.body.id && d.key.endsWith('/arrival'),
      );
      expect(row).toMatchObject({ state: 'breached', lateMs: 80 * 60_000, deadline: { metAt: '2025-10-09T09:20:00.000Z' } });
    }
    expect(await arrivalNotices()).toBe(noticesBefore);
  });

  it('when work is done late before the clock saw it, then no reminder is set and no overdue notice goes out, and its lateness is fixed', async () => {
    await at('2025-10-09T09:00:00+08:00');
    const created = await admin('POST', '/records', { form: 'after-sales-record', data: job({ ticketNo: 'LATE-QUIET' }) });
    await at('2025-10-09T18:00:00+08:00');
    const updated = await admin('PUT', `/records/${created.body.id}`, {
      data: job({ ticketNo: 'LATE-QUIET', arrivalTime: '2025-10-09T17:00:00+08:00' }),
      rev: created.body.rev,
    });
    expect(updated.status).toBe(200);
    const row = updated.body.deadlines.find((d: { key: string }) => d.key.endsWith('/arrival'));
    expect(row).toMatchObject({ remindAt: null, deadline: { metAt: '2025-10-09T09:00:00.000Z' } });
    await admin('POST', '/clock/tick');
    const board = (await admin('GET', '/deadlines?state=breached')).body.items.find(
      (d: { recordId: string; key: string }) => d.recordId === created.body.id && d.key.endsWith('/arrival'),
    );
    expect(board).toMatchObject({ lateMs: 60 * 60_000 });
    const notices = (await admin('GET', '/notifications?limit=500')).body.items.filter(
      (n: { recordId: string; message: { 'zh-CN': string } }) => n.recordId === created.body.id && n.message['zh-CN'].startsWith('已超时'),
    );
    expect(notices.filter((n: { message: { 'zh-CN': string } }) => n.message['zh-CN'].includes('到场'))).toEqual([]);
  });
});

describe('records list dates', () => {
  it("when a record is made at 08:00 Beijing time, then today's local date finds it and yesterday's does not", async () => {
    await at('2026-12-06T08:00:00+08:00');
    const created = await admin('POST', '/records', {
      form: 'after-sales-record',
      data: job({ ticketNo: 'MORNING', callTime: '2026-12-01T21:30:00+08:00' }),
    });
    expect(created.status).toBe(201);
    const ids = async (query: string) =>
      ((await admin('GET', `/records?form=after-sales-record&${query}`)).body.items as { id: string }[]).map((r) => r.id);
    expect(await ids('from=2026-12-06&to=2026-12-06')).toContain(created.body.id);
    expect(await ids('from=2026-12-05&to=2026-12-05')).not.toContain(created.body.id);
    expect(await ids('to=2026-12-05')).not.toContain(created.body.id);
  });

  it("when the dates are of the call time, then the form's own field is filtered in the store's time zone", async () => {
    const ids = async (query: string) =>
      (
        (await admin('GET', `/records?form=after-sales-record&dateField=callTime&${query}`)).body.items as { data: { ticketNo: string } }[]
      ).map((r) => r.data.ticketNo);
    // Called 21:30 on 12-01 Beijing time (13:30 UTC): a 12-01 call, not a 12-06 one.
    // The record made at 08:00 on 12-06 got the server's number of that day (ticket numbers are the server's).
    expect(await ids('from=2026-12-01&to=2026-12-01')).toEqual(['SH-20261206-001']);
    expect(await ids('from=2026-12-02&to=2026-12-06')).toEqual([]);
    expect(await ids('from=2026-12-01T21:30:00%2B08:00')).toEqual(['SH-20261206-001']);
    expect(await ids('from=2026-12-01T21:31:00%2B08:00')).toEqual([]);
  });

  it('when a date or field is wrong, then it is a 400 with a pointer, in both languages', async () => {
    const unknown = await admin('GET', '/records?form=after-sales-record&dateField=nope&from=2026-12-01');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ details: [{ pointer: '/query/dateField' }], messageZh: '表单中没有字段“nope”' });
    expect((await admin('GET', '/records?form=after-sales-record&dateField=zone&from=2026-12-01')).status).toBe(400);
    expect((await admin('GET', '/records?dateField=callTime&from=2026-12-01')).status).toBe(400);
    for (const bad of ['2026-13-01', '2026-02-30', 'yesterday', '2026-12-01T08:00:00'])
      expect((await admin('GET', `/records?from=${bad}`)).status).toBe(400);
  });
});
