import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../services/contentHash.js';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// The impact of a dry-run push: the published policy now against the pushed policy now, record by record.

const now = new Date('2026-12-01T21:40:00+08:00');
let server: TestServer;
let admin: Client;
let recordId: string;

const repoFile = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const calendar = JSON.parse(repoFile('rules/calendars/default-store.calendar.json')) as { holidays: unknown[] };
const withHolidays = (...dates: string[]) => ({
  ...calendar,
  holidays: [...calendar.holidays, ...dates.map((date) => ({ date, name: { 'zh-CN': '临时休息', en: 'Day off' } }))],
});

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  const created = await admin('POST', '/records', {
    form: 'after-sales-record',
    data: {
      ticketNo: 'STALE-1',
      store: '解放路店',
      customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
      brand: 'kohler',
      serviceType: 'repair',
      problemDescription: '漏水',
      zone: 'urban',
      callTime: '2026-12-01T21:30:00+08:00',
    },
  });
  expect(created.status).toBe(201);
  recordId = created.body.id;
  // A calendar version written straight to the store, before the deadlines were recomputed (as
  // when another instance published it and this one has not run the job yet): the record's stored
  // arrival deadline (Wednesday 16:00) is stale, as Wednesday is a day off.
  server.services.definitions.onChange = null;
  const definition = withHolidays('2026-12-02');
  await server.services.store.publish(
    [{ kind: 'calendar', id: 'default-store', definition, hash: contentHash(definition), clearDraft: false }],
    'import',
    now.toISOString(),
  );
}, 60_000);
afterAll(() => server.close());

describe('dry-run push impact', () => {
  it('when an unrelated file is pushed, then a record whose stored outcome is stale is not reported as changed', async () => {
    const roles = JSON.parse(repoFile('rules/roles.json')) as { title: { en: string } };
    const changed = { ...roles, title: { ...roles.title, en: 'Policy roles (renamed)' } };
    const dry = await admin('POST', '/pack', { files: [{ path: 'rules/roles.json', content: JSON.stringify(changed) }], dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.changes).toEqual([expect.objectContaining({ kind: 'roles', changed: true })]);
    expect(dry.body.impact.map((i: { recordId: string }) => i.recordId)).not.toContain(recordId);
  });

  it('when the push itself moves the deadline, then the record is reported with the move from the published policy', async () => {
    const definition = withHolidays('2026-12-02', '2026-12-03');
    const dry = await admin('POST', '/pack', {
      files: [{ path: 'rules/calendars/default-store.calendar.json', content: JSON.stringify(definition) }],
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    const mine = dry.body.impact.find((i: { recordId: string }) => i.recordId === recordId);
    const arrival = mine.change.deadlinesMoved.find((m: { key: string }) => m.key === 'arrival');
    expect({ from: arrival.before.dueAt, to: arrival.after.dueAt }).toEqual({
      from: '2026-12-03T08:00:00.000Z',
      to: '2026-12-04T08:00:00.000Z',
    });
  });
});
