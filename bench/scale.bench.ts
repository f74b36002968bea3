// Every screen at 10k, 100k and 1M records. A store is built by buildScaleStore (the server's own
// services on its SQLite file, in a bulk load: long transactions without waiting for the disk, the
// search index written at the end): F1 after-sales calls over the last six months from 20 stores and
// 50 technicians, each evaluated and numbered by RecordService, a parts requisition with two
// approvals for every tenth call, and the clock ticked at each day's end (breaches with their fines,
// notices and audit entries). The server (its own process, on the built file) is then timed from
// outside on each endpoint of issue 16's table, a record write and a clock tick; its peak memory
// (VmHWM), the disk per record, and whether the dashboards' totals match the records counted directly. `pnpm bench scale --sizes 10000,100000` picks the sizes (default 10k, 100k, 1M).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildScaleStore, scaleCall, SCALE_FORM, SCALE_STORES, SCALE_TECHNICIANS } from '@aftersales/server/testing';
import { adminCookie, BENCH_PASSWORD, startServerProcess, stopServerProcess } from './lib/serverProcess.js';
import { openSqlite } from './lib/sqlite.js';
import { machineLine, writeSection } from './lib/writeSection.js';

const sizesArg = (() => {
  const at = process.argv.findIndex((a) => a === '--sizes' || a.startsWith('--sizes='));
  if (at === -1) return process.env.SCALE_SIZES;
  const arg = process.argv[at]!;
  return arg.includes('=') ? arg.slice('--sizes='.length) : process.argv[at + 1];
})();
const SIZES = (sizesArg ?? '10000,100000,1000000').split(',').map(Number);
if (SIZES.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes: whole numbers of records, at least 100 each');
const WARM_UP = 300;
const WRITES = 1_000;
const CONCURRENCY = 10;
const RUNS = 5;
/** The timed writes are split into this many rounds on each store, alternating between them. */
const ROUNDS = 8;
const DAY = 86_400_000;
const FORM = SCALE_FORM;

const DASHBOARDS = [
  `/dashboard/compliance?groupBy=technician&weeks=8&form=${FORM}`,
  `/dashboard/counts?form=${FORM}&field=serviceType&by=zone`,
  '/dashboard/fines?months=6',
] as const;

const encodeCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bytesOf = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** The i-th call as registered now: its call fields only (a worked call's times would fall before the call). */
const REGISTRATION = ['store', 'customer', 'brand', 'serviceType', 'problemDescription', 'zone', 'ringsBeforeAnswer', 'technician'];
const registeredNow = (i: number) => {
  const { data } = scaleCall(i, i + 1, Date.now());
  return { ...Object.fromEntries(REGISTRATION.map((k) => [k, data[k]])), callTime: new Date().toISOString() };
};

/** A server on `dir` and a signed-in caller: get (timed, median of RUNS after a warm-up) and post. */
async function serve(dir: string) {
  const { child, url } = await startServerProcess(dir);
  const cookie = await adminCookie(url);
  const headers = { Cookie: cookie, 'X-Requested-With': 'aftersales', 'Content-Type': 'application/json' };
  const request = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${url}/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await answer.text();
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${text.slice(0, 300)}`);
    return { body: JSON.parse(text) as Record<string, unknown>, bytes: text.length };
  };
  const timed = async (path: string) => {
    const warm = performance.now();
    await request('GET', path);
    // A request slower than 2 s is timed once more only (the 1M run must fit in minutes).
    const times = performance.now() - warm > 2_000 ? 1 : RUNS;
    const runs: number[] = [];
    let bytes = 0;
    for (let r = 0; r < times; r++) {
      const started = performance.now();
      bytes = (await request('GET', path)).bytes;
      runs.push(performance.now() - started);
    }
    return { ms: median(runs), bytes };
  };
  /** `count` record writes through POST /records from call `from`, CONCURRENCY at a time: milliseconds taken. */
  const post = async (from: number, count: number) => {
    const started = performance.now();
    let next = from;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < from + count) {
          const i = next++;
          await request('POST', '/records', { form: FORM, data: registeredNow(i), store: SCALE_STORES[i % SCALE_STORES.length] });
        }
      }),
    );
    return performance.now() - started;
  };
  return { child, request, timed, post, stop: () => stopServerProcess(child) };
}

/**
 * Record writes per second on the built store and on an empty one (whose server makes its schema,
 * pack and admin), measured in alternating rounds (empty, built, built, empty, ...) so that the
 * machine's drift over the run falls on both alike. Both servers first open the same dashboards
 * (each dashboard opened once is kept by every write after) and take WARM_UP untimed writes.
 */
async function writeRounds(built: Awaited<ReturnType<typeof serve>>, emptyDir: string, size: number) {
  const empty = await serve(emptyDir);
  try {
    for (const path of DASHBOARDS) await empty.request('GET', path);
    await empty.post(0, WARM_UP);
    await built.post(size, WARM_UP);
    const per = WRITES / ROUNDS;
    const ms = { empty: 0, built: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['empty', 'built'] as const) : (['built', 'empty'] as const);
      for (const which of order) {
        const from = WARM_UP + round * per;
        ms[which] += which === 'empty' ? await empty.post(from, per) : await built.post(size + from, per);
      }
    }
    return { writes: WRITES / (ms.built / 1000), emptyWrites: WRITES / (ms.empty / 1000) };
  } finally {
    await empty.stop();
  }
}

interface Figures {
  size: number;
  buildSeconds: number;
  endpoints: Record<string, { ms: number; bytes: number }>;
  emptyWrites: number;
  writes: number;
  tickMs: number;
  breached: number;
  peakMb: number;
  bytesPerRecord: number;
  evaluationBytes: number;
  checks: { what: string; shown: number; counted: number }[];
}

async function measure(size: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-bench-scale-'));
  const emptyDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-scale-empty-'));
  try {
    const now = Date.now();
    const started = performance.now();
    console.log(`  build started ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    await buildScaleStore(dir, {
      size,
      now,
      bulk: true,
      adminPassword: BENCH_PASSWORD,
      onProgress: (done) =>
        console.log(`  ${done.toLocaleString('en')} calls, ${(done / ((performance.now() - started) / 1000)).toFixed(0)} calls/s`),
    });
    const buildSeconds = (performance.now() - started) / 1000;
    console.log(`  built in ${buildSeconds.toFixed(1)} s`);
    const file = join(dir, 'aftersales.sqlite');
    const db = openSqlite(file, { readonly: true });
    const start = now - 180 * DAY;
    const recordAt = (offset: number) =>
      db
        .prepare(
          "SELECT created_at, id, json_extract(data, '$.ticketNo') AS ticket FROM records WHERE form_id = ? ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?",
        )
        .get(FORM, offset) as { created_at: string; id: string; ticket: string };
    const cursorAt = (offset: number) => {
      const row = recordAt(offset);
      return encodeCursor([row.created_at, row.id]);
    };
    const middle = cursorAt(Math.floor(size / 2));
    const last = cursorAt(size - 51);
    const sampleRow = recordAt(size - Math.floor(size / 3));
    // The stored evaluation of an F1 record, as written (deflated), on average.
    const evaluationBytes = Number(
      (db.prepare('SELECT AVG(length(evaluation)) AS n FROM records WHERE form_id = ?').get(FORM) as { n: number }).n,
    );
    db.close();
    const bytesPerRecord = bytesOf(dir) / size;

    const server = await serve(dir);
    try {
      const sample = scaleCall(Math.floor(size / 3), size, now);
      const customer = sample.data.customer as { phone: string };
      const month = new Date(start + 60 * DAY + 8 * 3_600_000).toISOString().slice(0, 7);
      const paths: [string, string][] = [
        ['records, first page', '/records?limit=50'],
        ['records, middle page', `/records?limit=50&cursor=${middle}`],
        ['records, last page', `/records?limit=50&cursor=${last}`],
        ['records, one form and store, first page', `/records?form=${FORM}&store=${encodeURIComponent(SCALE_STORES[3]!)}&limit=50`],
        ['records, deadline = breached', '/records?deadline=breached&limit=50'],
        [
          'records, created in one week',
          `/records?from=${new Date(start + 90 * DAY).toISOString().slice(0, 10)}&to=${new Date(start + 96 * DAY).toISOString().slice(0, 10)}&limit=50`,
        ],
        ['search: phone number', `/records?q=${customer.phone}&limit=50`],
        ['search: ticket no.', `/records?q=${encodeURIComponent(sampleRow.ticket)}&limit=50`],
        ['search: technician (3 characters)', `/records?q=${encodeURIComponent(SCALE_TECHNICIANS[7]!)}&limit=50`],
        ['search: surname (1 character)', `/records?q=${encodeURIComponent('周')}&limit=50`],
        [`fines of one month (${month})`, `/fines?month=${month}&limit=100`],
        ['fines of an empty month', '/fines?month=2001-01&limit=100'],
        ['dashboard: compliance, 8 weeks by technician', DASHBOARDS[0]],
        ['dashboard: counts by service type and zone', DASHBOARDS[1]],
        ['dashboard: fines per month, 6 months', DASHBOARDS[2]],
        ['deadlines, breached, first page', '/deadlines?state=breached&limit=100'],
        ['approvals, pending, first page', '/approvals?limit=100'],
        ['notifications, first page', '/notifications?limit=50'],
        ['record detail', `/records/${sampleRow.id}`],
      ];
      const endpoints: Figures['endpoints'] = {};
      for (const [name, path] of paths) {
        endpoints[name] = await server.timed(path);
        console.log(`  ${name}: ${endpoints[name].ms.toFixed(1)} ms, ${endpoints[name].bytes.toLocaleString('en')} bytes`);
      }
      const { writes, emptyWrites } = await writeRounds(server, emptyDir, size);
      const tickStarted = performance.now();
      const breached = Number((await server.request('POST', '/clock/tick')).body.breached);
      const tickMs = performance.now() - tickStarted;

      // The dashboards' totals against the rows counted directly.
      const counts = (await server.request('GET', `/dashboard/counts?form=${FORM}&field=serviceType&by=zone`)).body as { total: number };
      const compliance = (await server.request('GET', `/dashboard/compliance?groupBy=technician&weeks=8&form=${FORM}`)).body as {
        weeks: string[];
        series: { met: number[]; breached: number[] }[];
      };
      const fines = (await server.request('GET', `/fines?month=${month}&limit=1`)).body as { total: number; summary: { count: number }[] };
      const finesPerMonth = (await server.request('GET', '/dashboard/fines?months=6')).body as { months: string[]; count: number[] };
      const peakMb = peakRssMb(server.child.pid!);
      const check = openSqlite(file, { readonly: true });
      const one = (sql: string, ...params: unknown[]) => Number((check.prepare(sql).get(...params) as { n: number }).n);
      const CHINA = 8 * 3_600_000;
      const monthFrom = (m: string) => new Date(Date.parse(`${m}-01T00:00:00Z`) - CHINA).toISOString();
      const nextMonth = (m: string) => {
        const d = new Date(`${m}-01T00:00:00Z`);
        return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - CHINA).toISOString();
      };
      const checks = [
        {
          what: 'records counted by the counts dashboard',
          shown: counts.total,
          counted: one('SELECT COUNT(*) AS n FROM records WHERE form_id = ?', FORM),
        },
        {
          what: 'deadlines met or breached in the compliance weeks',
          shown: compliance.series.reduce((s, g) => s + g.met.reduce((a, b) => a + b, 0) + g.breached.reduce((a, b) => a + b, 0), 0),
          counted: one(
            "SELECT COUNT(*) AS n FROM deadlines WHERE form_id = ? AND state IN ('met', 'breached') AND due_at >= ? AND due_at <= ?",
            FORM,
            new Date(Date.parse(`${compliance.weeks[0]!}T00:00:00Z`) - CHINA).toISOString(),
            new Date().toISOString(),
          ),
        },
        {
          what: `fines of ${month} (yuan) in the ledger`,
          shown: fines.total,
          counted: one(
            'SELECT COALESCE(SUM(amount), 0) AS n FROM fines WHERE posted_at >= ? AND posted_at < ?',
            monthFrom(month),
            nextMonth(month),
          ),
        },
        {
          what: `fines of ${month} counted in the ledger summary`,
          shown: fines.summary.reduce((s, l) => s + l.count, 0),
          counted: one(
            "SELECT COUNT(*) AS n FROM fines WHERE origin != 'reversal' AND posted_at >= ? AND posted_at < ?",
            monthFrom(month),
            nextMonth(month),
          ),
        },
        {
          what: 'fines of the last 6 months on the dashboard',
          shown: finesPerMonth.count.reduce((a, b) => a + b, 0),
          counted: one(
            "SELECT COUNT(*) AS n FROM fines WHERE origin != 'reversal' AND posted_at >= ?",
            monthFrom(finesPerMonth.months[0]!),
          ),
        },
      ];
      check.close();
      for (const c of checks) console.log(`  check: ${c.what}: ${c.shown} shown, ${c.counted} counted`);
      return { size, buildSeconds, endpoints, emptyWrites, writes, tickMs, breached, peakMb, bytesPerRecord, evaluationBytes, checks };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
    if (process.env.SCALE_KEEP) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const n = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Writes the section with the sizes measured so far (after each size: a run cut short keeps what it measured). */
function report(results: Figures[]): void {
  const first = results[0]!;
  const lastResult = results.at(-1)!;
  const targets: Record<string, number> = {};
  for (const name of Object.keys(first.endpoints)) targets[name] = /^(dashboard|fines of)/.test(name) ? 200 : 50;
  const rows = Object.keys(first.endpoints).map((name) => {
    const cells = results.map((r) => n(r.endpoints[name]!.ms, 1));
    const growth = lastResult.endpoints[name]!.ms / first.endpoints[name]!.ms;
    const met = lastResult.endpoints[name]!.ms < targets[name]! ? 'met' : '**NOT met**';
    return `| ${name} | ${cells.join(' | ')} | ×${n(growth, 1)} | < ${targets[name]} ms: ${met} |`;
  });
  const head = results.map((r) => `${n(r.size)}`).join(' | ');
  const align = results.map(() => '---:').join(' | ');
  writeSection(
    'Every screen at scale (pnpm bench scale)',
    `${machineLine()}

Stores built by \`buildScaleStore\` (packages/server/src/testing/scaleStore.ts): F1 after-sales calls over the last six months from 20 stores
and 50 technicians, each created by the server's RecordService with the clock at the call's time (validated, evaluated, numbered; older calls
entered with their dispatch, arrival and completion, the last three days' only registered), a parts requisition with two approvals for every
tenth call (nine in ten signed by ApprovalService), and the Scheduler ticked at each day's end (breaches with their fines, notices and audit
entries, reminders). The services write through the SQLite repositories inside a bulk load (transactions of 20,000 calls without waiting for the
disk; the search index written at the end), which gives the same rows as writes committed one by one (scaleStore.test.ts). The server, in its
own process on the built file, is timed from outside over HTTP: median of ${RUNS} requests after a warm-up (one, when the warm-up took over 2 s),
admin (no store scope). Writes: ${WRITES} \`POST /records\` (calls registered now) after ${WARM_UP} untimed ones, ${CONCURRENCY} at a time, on the built store and on an empty one
(both servers running, their dashboards opened), in ${ROUNDS} rounds alternating between the two so that the machine's drift falls on both. Tick: one
\`POST /clock/tick\` (what fell due since the build's last tick, 30 minutes before the build started). Peak memory: the server process's VmHWM.
Disk per record: the data directory over the F1 calls (requisitions, deadlines, fines, notices, audit and search included).

| endpoint (ms) | ${head} | growth | target at the largest |
| --- | ${align} | ---: | --- |
${rows.join('\n')}

| | ${head} |
| --- | ${align} |
| build (s; calls per second) | ${results.map((r) => `${n(r.buildSeconds, 1)} (${n(r.size / r.buildSeconds)})`).join(' | ')} |
| record writes / s (empty store: ${results.map((r) => n(r.emptyWrites)).join(', ')}; target: within 20% of it) | ${results.map((r) => `${n(r.writes)} (${n((r.writes / r.emptyWrites) * 100)}%)`).join(' | ')} |
| clock tick (ms; deadlines breached) | ${results.map((r) => `${n(r.tickMs)} (${n(r.breached)})`).join(' | ')} |
| server peak memory (MB; target under 500) | ${results.map((r) => n(r.peakMb)).join(' | ')} |
| disk per record (KB) | ${results.map((r) => n(r.bytesPerRecord / 1024, 2)).join(' | ')} |
| stored evaluation of an F1 record, average (KB; target at most 1.5) | ${results.map((r) => n(r.evaluationBytes / 1024, 2)).join(' | ')} |

Dashboards against the rows counted directly at ${n(lastResult.size)} records:

| total | shown | counted | |
| --- | ---: | ---: | --- |
${lastResult.checks.map((c) => `| ${c.what} | ${n(c.shown, 2)} | ${n(c.counted, 2)} | ${Math.abs(c.shown - c.counted) < 0.005 ? 'equal' : '**DIFFERENT**'} |`).join('\n')}

The machine is shared (other work ran at the same time), so single figures move by tens of percent between runs; compare the growth across columns.`,
  );
}

const results: Figures[] = [];
for (const size of SIZES) {
  console.log(`building ${size.toLocaleString('en')} records`);
  const figures = await measure(size);
  const { endpoints: _endpoints, checks: _checks, ...summary } = figures;
  console.log(summary);
  results.push(figures);
  report(results);
}
if (results.some((r) => r.checks.some((c) => Math.abs(c.shown - c.counted) >= 0.005))) process.exitCode = 1;
