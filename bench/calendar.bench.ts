// A calendar publish at a store's size (issue 13): 100,000 open T1 arrival deadlines counted on the
// default store calendar (calls over the last four working days), and a draft that makes the next two
// working days holidays. Measured: the preview (`POST /calendars/:id/preview`, every open deadline on
// the calendar read a keyset page at a time, the counts over all of them and the 200 due soonest), and
// the publish with its background job moving every deadline, with the longest wait of a request sent
// meanwhile. Baseline in the same run: the same open deadlines read in one query (what a preview that
// reads them all at once costs at least), time and heap growth. `pnpm bench calendar`;
// CALENDAR_DEADLINES=20000 for a smaller store. Figures only: no asserts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dueTime, WorkingCalendar, type CalendarFile } from '@aftersales/engine';
import { SqliteStore, createApp, importDefaultPack } from '@aftersales/server';
import { openSqlite } from './lib/sqlite.js';
import { machineLine, writeSection } from './lib/writeSection.js';

const COUNT = Number(process.env.CALENDAR_DEADLINES ?? 100_000);
const CALENDAR = 'default-store';
// A Friday morning: the open deadlines were started over Monday to Thursday.
const now = new Date('2026-11-27T09:30:00+08:00');
const calendarFile = JSON.parse(
  readFileSync(fileURLToPath(new URL(`../rules/calendars/${CALENDAR}.calendar.json`, import.meta.url)), 'utf8'),
) as CalendarFile;
const published = WorkingCalendar.fromFile(calendarFile);
const draft: CalendarFile = {
  ...calendarFile,
  holidays: [
    ...(calendarFile.holidays ?? []),
    { date: '2026-11-27', name: { 'zh-CN': '临时停业', en: 'Closed' } },
    { date: '2026-11-30', name: { 'zh-CN': '临时停业', en: 'Closed' } },
  ],
};

const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-calendar-bench-'));
const store = new SqliteStore(dataDir);
const { app, services } = createApp({ store, clock: () => now });
await importDefaultPack(store, services.definitions);
const password = 'calendar-bench-password-1';
await services.auth.bootstrapAdmin(password);

// COUNT records with one open arrival deadline each (6 working hours from the call), written straight into the file.
let started = performance.now();
{
  const db = openSqlite(join(dataDir, 'aftersales.sqlite'));
  const insertRecord = db.prepare(
    `INSERT INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by, created_at, updated_at, rev)
     VALUES (?, 'after-sales-record', 1, '{}', 'dispatched', ?, '{}', '解放路店', NULL, 'admin', ?, ?, 1)`,
  );
  const insertDeadline = db.prepare(
    `INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline, calendar_version)
     VALUES (?, 'after-sales-record', 'T1-urban/arrival', ?, 'open', ?, 0, ?, 1)`,
  );
  const what = { 'zh-CN': '到场', en: 'Arrival' };
  const limit = { unit: 'workingHours', amount: 6 };
  const source = { ruleSet: 'turnaround', version: 1, rule: 'T1-urban', catalog: ['T1'] };
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      // Calls Monday 23 to Thursday 26 November, 08:30 to 17:30, spread evenly.
      const day = 23 + (i % 4);
      const minutes = 8 * 60 + 30 + ((i * 7) % 540);
      const call = new Date(
        `2026-11-${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+08:00`,
      );
      const due = dueTime(call, 'workingHours', 6, published);
      const remind = new Date(due.getTime() - 3_600_000).toISOString();
      const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const deadline = {
        source,
        key: 'T1-urban/arrival',
        what,
        limit,
        calendar: CALENDAR,
        startedAt: call.toISOString(),
        dueAt: due.toISOString(),
        metAt: null,
        state: 'open',
        overdueMs: 0,
        remindAt: remind,
        breachFines: [],
      };
      insertRecord.run(
        id,
        JSON.stringify({ ticketNo: `SH-${String(i + 1).padStart(6, '0')}`, callTime: call.toISOString() }),
        call.toISOString(),
        call.toISOString(),
      );
      insertDeadline.run(id, due.toISOString(), remind, JSON.stringify(deadline));
    }
  })();
  db.close();
}
const insertMs = performance.now() - started;

/** Runs `work`: its time, and the heap it still holds once done (after a full collection; `bench/run.ts` exposes gc). */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; heapMb: number; result: T }> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const base = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  gc();
  return { ms, heapMb: (process.memoryUsage().heapUsed - base) / 2 ** 20, result };
}

const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
const login = await fetch(`${url}/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-Requested-With': 'aftersales' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
};

// Baseline: every open deadline on the calendar in one read.
const baseline = await measure(() => store.deadlines.pageOpenDeadlinesOnCalendar(CALENDAR, COUNT + 1));
if (baseline.result.length !== COUNT) throw new Error(`read ${baseline.result.length} of ${COUNT} open deadlines`);
// The service's preview in this process (heap), then the route (the answer an admin's browser gets), three times.
const service = await measure(() => services.deadlineRecompute.preview(CALENDAR, draft));
const routeTimes: number[] = [];
let preview: { counts: { moved: number; later: number }; items: unknown[] } | null = null;
for (let i = 0; i < 3; i++) {
  const run = await measure(() => call('POST', `/calendars/${CALENDAR}/preview`, { definition: draft }));
  routeTimes.push(run.ms);
  preview = run.result as unknown as typeof preview;
}
routeTimes.sort((a, b) => a - b);
const routeMs = routeTimes[1]!;

// Publish: the job moves every open deadline in the background; a request sent every 10 ms meanwhile.
await call('PUT', `/calendars/${CALENDAR}/draft`, { definition: draft });
started = performance.now();
await call('POST', `/calendars/${CALENDAR}/publish`, {});
const publishMs = performance.now() - started;
let longestWait = 0;
let answered = 0;
let done = false;
const job = services.deadlineRecompute.idle().then(() => (done = true));
while (!done) {
  const t0 = performance.now();
  await call('GET', '/auth/me');
  longestWait = Math.max(longestWait, performance.now() - t0);
  answered++;
  await new Promise((resolve) => setTimeout(resolve, 10));
}
await job;
const jobMs = performance.now() - started;
// Once the job is done, the published calendar is the draft: a new preview of it moves nothing.
const left = (await services.deadlineRecompute.preview(CALENDAR, draft)).counts.moved;

await new Promise<void>((resolve) => server.close(() => resolve()));
server.closeAllConnections();
await store.close();
rmSync(dataDir, { recursive: true, force: true });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const lines = [
  `${fmt(COUNT)} open T1 arrival deadlines on the \`${CALENDAR}\` calendar (calls Monday to Thursday), a draft making`,
  `Friday and Monday holidays: ${fmt(preview!.counts.moved)} deadlines move (${fmt(preview!.counts.later)} later). Store written in ${(insertMs / 1000).toFixed(1)} s.`,
  '',
  '| step | time | heap held by the answer | note |',
  '| --- | ---: | ---: | --- |',
  `| baseline: every open deadline on the calendar in one read | ${fmt(baseline.ms)} ms | ${baseline.heapMb.toFixed(1)} MB | ${fmt(COUNT / (baseline.ms / 1000))} rows/s |`,
  `| preview in the service (keyset pages of 200, counts + 200 soonest) | ${fmt(service.ms)} ms | ${service.heapMb.toFixed(1)} MB | ${(service.ms / baseline.ms).toFixed(2)}x the baseline's time, ${fmt(COUNT / (service.ms / 1000))} deadlines/s |`,
  `| \`POST /calendars/:id/preview\` (median of 3, answer with titles) | ${fmt(routeMs)} ms | | ${preview!.items.length} moves listed of ${fmt(preview!.counts.moved)} |`,
  `| publish (\`POST /calendars/:id/publish\`) | ${fmt(publishMs)} ms | | the job runs after the answer |`,
  `| publish until the job has moved every deadline | ${(jobMs / 1000).toFixed(1)} s | | ${fmt(COUNT / (jobMs / 1000))} deadlines/s; ${fmt(answered)} requests answered meanwhile, longest wait ${fmt(longestWait)} ms |`,
];
console.log(lines.join('\n'));
if (left !== 0) throw new Error(`after the job, ${left} deadlines still move`);
// The machine's load when done: on a shared 2-core machine the times are mostly waiting for a core (ratios hold).
const load = `Load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores when done.`;
if (!process.env.CALENDAR_DEADLINES)
  writeSection('Calendar publish at 100,000 open deadlines', `${machineLine()} ${load}\n\n${lines.join('\n')}`);
