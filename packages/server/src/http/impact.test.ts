import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ImpactWorkerPool } from '../services/impact/ImpactWorkerPool.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrfGuard.js';
import { insertServiceRecords } from '../testing/insertServiceRecords.js';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// POST /impact: a draft replayed over the stored history, streamed as NDJSON with progress, stopped
// when the client goes away, and refused with a 4xx (pointer, zh-CN and English) on bad input.

const now = new Date('2026-11-30T10:00:00+08:00');
const COUNT = 12_000;
const repoFile = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
const turnaround = JSON.parse(repoFile('rules/after-sales-record/turnaround.rules.json')) as {
  id: string;
  rules: { name: string; event: { params: Record<string, unknown> } }[];
};
const lowered = structuredClone(turnaround);
lowered.rules.find((r) => r.name === 'T1-urban')!.event.params.limit = { unit: 'workingHours', amount: 4 };
const body = { draft: { kind: 'ruleset', id: turnaround.id, definition: lowered } };

let server: TestServer;
let admin: Client;
let cookie: string;
/** Reads of the store by the replays: keyset pages read on the request's thread, and parts the worker threads read themselves. */
let pages = 0;
let parts: MockInstance<ImpactWorkerPool['replayPart']>;
const reads = () => pages + parts.mock.calls.length;

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  insertServiceRecords(server.dataDir, {
    count: COUNT,
    until: now,
    days: 80,
    stores: ['解放路店', '人民路店'],
    technicians: ['王师傅', '李师傅', '张师傅'],
  });
  admin = await server.signIn('admin', server.adminPassword);
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  // Counts the keyset pages the replays read (the store itself, observed) and the parts sent to the
  // worker threads to read (the pool's calls, observed: each still runs).
  const store = server.services.store;
  const read = store.impactRows.bind(store);
  store.impactRows = (filter) => {
    pages++;
    return read(filter);
  };
  parts = vi.spyOn(ImpactWorkerPool.prototype, 'replayPart');
}, 60_000);
afterAll(() => server.close());

function post(payload: unknown, signal?: AbortSignal) {
  return fetch(`${server.url}/api/v1/impact`, {
    method: 'POST',
    headers: { Cookie: cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE, 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
    body: JSON.stringify(payload),
    ...(signal ? { signal } : {}),
  });
}

/** Reads NDJSON lines as they come; `stopAfter` ends the read (and the request) at the first line it accepts. */
async function lines(
  response: Response,
  stopAfter?: (line: { type: string }) => boolean,
): Promise<{ type: string; [key: string]: unknown }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const out: { type: string }[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, end)) as { type: string };
      buffer = buffer.slice(end + 1);
      out.push(line);
      if (stopAfter?.(line)) return out;
    }
  }
  return out;
}

describe('POST /impact', () => {
  it('when an admin streams the replay, then progress lines come before one result with the whole window counted', async () => {
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const all = await lines(response);
    expect(all[0]).toEqual({ type: 'start', total: COUNT });
    expect(all.filter((l) => l.type === 'progress').length).toBeGreaterThan(0);
    const result = all.at(-1) as {
      type: string;
      impact: {
        checked: number;
        changed: number;
        totals: { becameLate: number };
        byPerson: { person: string }[];
        records: { title: { 'zh-CN': string } }[];
      };
    };
    expect(result.type).toBe('result');
    expect(result.impact.checked).toBe(COUNT);
    // Arrivals 1 to 8 hours after a 09:00 call, in steps of 37 minutes: those between 4 and 6 working hours become late.
    expect(result.impact.totals.becameLate).toBeGreaterThan(0);
    expect(result.impact.byPerson.map((p) => p.person).sort()).toEqual(['张师傅', '李师傅', '王师傅']);
    expect(result.impact.records[0]!.title['zh-CN']).toMatch(/^售后服务处理记录表 · SH-\d{6} · 客户\d+ · \d{4}-\d{2}-\d{2}$/);
  }, 60_000);

  it('when asked without streaming, then the same answer comes as one JSON document', async () => {
    const answer = await admin('POST', '/impact', { ...body, since: 'all' });
    expect(answer.status).toBe(200);
    expect(answer.body.checked).toBe(COUNT);
  }, 60_000);

  it('when the client goes away after the first progress line, then the replay stops reading the store', async () => {
    const start = reads();
    expect((await admin('POST', '/impact', body)).body.checked).toBe(COUNT);
    const readsPerRun = reads() - start;
    expect(readsPerRun).toBeGreaterThan(8); // more than the workers have in flight at once
    const before = reads();
    const controller = new AbortController();
    const response = await post(body, controller.signal);
    await lines(response, (line) => line.type === 'progress');
    controller.abort();
    // A full replay after the cancelled one: had the first gone on, it would have read all its pages by the end of this one.
    const full = await admin('POST', '/impact', body);
    expect(full.body.checked).toBe(COUNT);
    expect(reads() - before).toBeLessThan(2 * readsPerRun);
  }, 60_000);

  it.each([
    ['a window that is not days or all', { ...body, since: '3 months' }, 400, '/since'],
    ['a window beyond the limit', { ...body, since: '99999d' }, 400, '/since'],
    ['a draft without the document id', { draft: { kind: 'ruleset', definition: lowered } }, 400, '/draft/id'],
    ['a pack draft without files', { draft: { kind: 'pack' } }, 400, '/draft/files'],
    ['a rule set without a stored draft', { draft: { kind: 'ruleset', id: turnaround.id } }, 422, '/draft/id'],
    [
      'a definition of another id',
      { draft: { kind: 'ruleset', id: turnaround.id, definition: { ...lowered, id: 'x' } } },
      400,
      '/draft/definition/id',
    ],
  ])('when the body has %s, then it is a %i pointing at it, in both languages', async (_, payload, status, pointer) => {
    const answer = await admin('POST', '/impact', payload);
    expect(answer.status).toBe(status);
    expect(answer.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(pointer);
    expect(answer.body.error.messageZh ?? answer.body.error.details[0].messageZh).toBeTruthy();
  });

  it('when a staff member asks, then it is refused', async () => {
    await admin('POST', '/users', { username: 'staff1', displayName: '员工', password: 'staff-password-123', roles: ['staff'] });
    const staff = await server.signIn('staff1', 'staff-password-123');
    expect((await staff('POST', '/impact', body)).status).toBe(403);
  });
});
