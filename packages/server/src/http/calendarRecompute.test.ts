import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../services/contentHash.js';
import { DeadlineRecompute } from '../services/DeadlineRecompute.js';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// A published calendar moves open deadlines; the preview before publishing shows which and by how much.

const now = new Date('2026-12-01T21:40:00+08:00');
let server: TestServer;
let admin: Client;
const ids: Record<string, string> = {};

const calendar = JSON.parse(readFileSync(new URL('../../../../rules/calendars/default-store.calendar.json', import.meta.url), 'utf8')) as {
  holidays: unknown[];
};
const withHolidays = (...dates: string[]) => ({
  ...calendar,
  holidays: [...calendar.holidays, ...dates.map((date) => ({ date, name: { 'zh-CN': '临时休息', en: 'Day off' } }))],
});
const job = (ticketNo: string, callTime: string, more: Record<string, unknown> = {}) => ({
  ticketNo,
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime,
  ...more,
});
const arrival = async (name: string) =>
  ((await admin('GET', `/records/${ids[name]}`)).body.deadlines as { key: string; dueAt: string; remindAt: string; state: string }[]).find(
    (d) => d.key.endsWith('/arrival'),
  )!;

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  const create = async (name: string, data: Record<string, unknown>) => {
    const created = await admin('POST', '/records', { form: 'after-sales-record', data });
    expect(created.status).toBe(201);
    ids[name] = created.body.id;
  };
  // Called Monday 11-30 09:00: arrival due 11-30 16:00, breached by the clock.
  await create('breached', job('HOL-LATE', '2026-11-30T09:00:00+08:00'));
  // Arrived in time: met.
  await create('met', job('HOL-MET', '2026-11-30T09:00:00+08:00', { arrivalTime: '2026-11-30T11:00:00+08:00' }));
  expect((await admin('POST', '/clock/tick')).status).toBe(200);
  // Called Tuesday 21:30: arrival due Wednesday 12-02 16:00.
  await create('open', job('HOL-1', '2026-12-01T21:30:00+08:00'));
  // Called Monday, written after the tick: past due, the clock has not breached it yet.
  await create('pastDue', job('HOL-PAST', '2026-11-30T10:00:00+08:00'));
}, 60_000);
afterAll(() => server.close());

describe('calendar publish preview', () => {
  it('when a draft makes Wednesday a holiday, then the preview shows the open deadline moving a day later, by its human title', async () => {
    expect((await admin('PUT', '/calendars/default-store/draft', { definition: withHolidays('2026-12-02') })).status).toBe(200);
    const preview = await admin('POST', '/calendars/default-store/preview', {});
    expect(preview.status).toBe(200);
    const item = preview.body.items.find((i: { recordId: string }) => i.recordId === ids.open);
    expect(item).toMatchObject({
      from: '2026-12-02T08:00:00.000Z',
      to: '2026-12-03T08:00:00.000Z',
      deltaMs: 24 * 3_600_000,
      breachedNow: false,
      saved: false,
      what: { 'zh-CN': '到场' },
    });
    // The ticket number is the server's (numbered per store and day), then the customer.
    expect(item.title['zh-CN']).toMatch(/ · SH-20261201-\d{3} · 李女士 · 2026-12-01$/);
    expect(item.title['zh-CN']).not.toContain(ids.open!.slice(0, 8));
    expect(item.title.en).toMatch(/ · SH-20261201-\d{3} · 李女士 · 2026-12-01$/);
    // Met and breached deadlines are history: not in the preview.
    const others = preview.body.items.map((i: { recordId: string }) => i.recordId);
    expect(others).not.toContain(ids.met);
    expect(others).not.toContain(ids.breached);
  });

  it('when the days of a past-due open deadline become holidays, then the preview says it is saved', async () => {
    const preview = await admin('POST', '/calendars/default-store/preview', { definition: withHolidays('2026-11-30', '2026-12-01') });
    const item = preview.body.items.find((i: { recordId: string }) => i.recordId === ids.pastDue);
    expect(item).toMatchObject({ from: '2026-11-30T09:00:00.000Z', to: '2026-12-02T08:00:00.000Z', saved: true, breachedNow: false });
    const saved = preview.body.items.filter((i: { saved: boolean }) => i.saved);
    expect(preview.body.counts).toMatchObject({ saved: saved.length, breachedNow: 0 });
  });

  it('when more deadlines move than the preview lists, then the counts cover them all and the list holds those due soonest, in order', async () => {
    const draft = withHolidays('2026-11-30', '2026-12-01', '2026-12-02') as never;
    const recompute = new DeadlineRecompute(server.services.store, () => now);
    const all = await recompute.preview('default-store', draft);
    expect(all.counts.moved).toBeGreaterThan(2);
    expect(all.items).toHaveLength(all.counts.moved);
    const due = all.items.map((s) => s.from ?? '');
    expect(due).toEqual([...due].sort());
    for (const limit of [1, 2]) {
      const few = await recompute.preview('default-store', draft, limit);
      expect(few.counts).toEqual(all.counts);
      expect(few.items.map((s) => [s.row.recordId, s.row.key])).toEqual(all.items.slice(0, limit).map((s) => [s.row.recordId, s.row.key]));
    }
  });

  it('when the preview is asked wrongly, then it is a clear 4xx and nothing changes', async () => {
    expect((await admin('POST', '/calendars/no-such/preview', {})).status).toBe(404);
    const wrongId = await admin('POST', '/calendars/default-store/preview', { definition: { ...withHolidays(), id: 'other' } });
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.error.details[0].pointer).toBe('/definition/id');
    const bad = await admin('POST', '/calendars/default-store/preview', { definition: { ...withHolidays(), timeZone: 42 } });
    expect(bad.status).toBe(422);
    expect((await admin('POST', '/calendars/default-store/preview', { definition: 'x' })).status).toBe(400);
    expect((await arrival('open')).dueAt).toBe('2026-12-02T08:00:00.000Z');
  });
});

describe('calendar publish', () => {
  it('when the calendar is published, then open deadlines and reminders move in the background; met and breached keep their history; one audit entry', async () => {
    const breachedBefore = await arrival('breached');
    const metBefore = await arrival('met');
    expect((await admin('POST', '/calendars/default-store/publish', {})).status).toBe(200);
    await server.services.deadlineRecompute.idle();
    const moved = await arrival('open');
    expect(moved).toMatchObject({ state: 'open', dueAt: '2026-12-03T08:00:00.000Z', remindAt: '2026-12-03T07:00:00.000Z' });
    expect(await arrival('breached')).toEqual(breachedBefore);
    expect(await arrival('met')).toEqual(metBefore);
    const audit = await server.services.store.listAudit({ entity: 'calendar', entityId: 'default-store', limit: 10 });
    expect(audit).toHaveLength(1);
    // The arrival (T1) and the dispatch due the next working day at 17:30 (T12, after-hours call) both move.
    expect(audit[0]).toMatchObject({ actor: 'clock', after: { version: 2, moved: 2 } });
  });

  it('when the job runs again, or on a second instance, then nothing changes and nothing is audited twice', async () => {
    await server.services.deadlineRecompute.runPending();
    await new DeadlineRecompute(server.services.store, () => now).runPending();
    expect(await server.services.store.listAudit({ entity: 'calendar', entityId: 'default-store', limit: 10 })).toHaveLength(1);
    expect((await arrival('open')).dueAt).toBe('2026-12-03T08:00:00.000Z');
  });

  it('when two instances run the job of a new version at once, then every open deadline is moved once and it is audited once', async () => {
    // Another instance published version 3 (Thursday off too); both instances find the job.
    server.services.definitions.onChange = null;
    const definition = withHolidays('2026-12-02', '2026-12-03');
    await server.services.store.publish(
      [{ kind: 'calendar', id: 'default-store', definition, hash: contentHash(definition), clearDraft: false }],
      'other-instance',
      now.toISOString(),
    );
    const a = new DeadlineRecompute(server.services.store, () => now);
    const b = new DeadlineRecompute(server.services.store, () => now);
    await Promise.all([a.runPending(), b.runPending()]);
    await a.runPending();
    expect((await arrival('open')).dueAt).toBe('2026-12-04T08:00:00.000Z');
    const audit = await server.services.store.listAudit({ entity: 'calendar', entityId: 'default-store', limit: 10 });
    expect(audit.map((e) => (e.after as { version: number }).version)).toEqual([3, 2]);
  });
});
