// Every screen at 10k, 100k and 1M records. A store is built straight into the SQLite file of a
// server (its schema, pack and admin made by the server itself; six templates evaluated through
// POST /records), in big transactions: F1 after-sales calls over the last six months from 20
// stores and 50 technicians, each with its deadlines (older ones met or breached), breach fines
// and notices, audit entry, and one approval in ten. The server (its own process, restarted on the
// grown file) is then timed from outside on each endpoint of issue 16's table, a record write and a
// clock tick; its peak memory (VmHWM), the disk per record, and whether the dashboards' totals match
// the records counted directly. `pnpm bench scale --sizes 10000,100000` picks the sizes (default 10k, 100k, 1M).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminCookie, startServerProcess, stopServerProcess } from './lib/serverProcess.js';
import { openSqlite, type SqliteDatabase } from './lib/sqlite.js';
import { machineLine, writeSection } from './lib/writeSection.js';

const sizesArg = (() => {
  const at = process.argv.findIndex((a) => a === '--sizes' || a.startsWith('--sizes='));
  if (at === -1) return process.env.SCALE_SIZES;
  const arg = process.argv[at]!;
  return arg.includes('=') ? arg.slice('--sizes='.length) : process.argv[at + 1];
})();
const SIZES = (sizesArg ?? '10000,100000,1000000').split(',').map(Number);
if (SIZES.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes: whole numbers of records, at least 100 each');
const BATCH = 20_000;
const WRITES = 200;
const CONCURRENCY = 10;
const TICK_DUE = 500;
const RUNS = 5;
const DAY = 86_400_000;
const NOW = Date.now();
const START = NOW - 180 * DAY;
const FORM = 'after-sales-record';

const STORES = [
  '解放路',
  '人民路',
  '建设路',
  '中山路',
  '和平路',
  '胜利路',
  '东风路',
  '新华路',
  '光明路',
  '长江路',
  '黄河路',
  '文化路',
  '迎宾路',
  '友谊路',
  '青年路',
  '滨江路',
  '湖滨路',
  '学府路',
  '健康路',
  '幸福路',
].map((road) => `${road}店`);
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['师傅', '建国', '海涛', '志强', '国庆'];
const TECHNICIANS = SURNAMES.flatMap((s) => GIVEN.map((g) => `${s}${g}`)); // 50

/** The i-th call of a store of `size`: who, where, when. */
function call(i: number, size: number, template: Record<string, unknown>) {
  const created = START + Math.floor((i / size) * 180 * DAY) + (i % 60) * 1000;
  const at = new Date(created).toISOString();
  const store = STORES[i % STORES.length]!;
  const technician = TECHNICIANS[(i * 7) % TECHNICIANS.length]!;
  const data = {
    ...template,
    ticketNo: `SH-${at.slice(0, 10).replaceAll('-', '')}-${String(i).padStart(7, '0')}`,
    store,
    customer: {
      name: `${SURNAMES[(i * 3) % SURNAMES.length]}${i % 2 === 0 ? '先生' : '女士'}`,
      phone: `13${String((i * 7_919_993) % 1_000_000_000).padStart(9, '0')}`,
      address: `${STORES[(i * 11) % STORES.length]!.slice(0, 3)} ${(i % 200) + 1} 号`,
    },
    serviceType: ['repair', 'install', 'delivery'][i % 3],
    zone: i % 5 === 0 ? 'suburban' : 'urban',
    callTime: new Date(created + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00',
    technician,
  };
  return { at, created, store, technician, data };
}

interface Template {
  row: Record<string, unknown>;
  data: Record<string, unknown>;
  deadlines: Record<string, unknown>[];
}

/** Fills the store's file: `size` records with their rows, in transactions of BATCH records. */
function build(db: SqliteDatabase, size: number, templates: Template[]): void {
  db.pragma('synchronous = OFF');
  const record = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const deadline = db.prepare(
    'INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, ?, ?, ?, ?, NULL, 1, ?)',
  );
  const fine = db.prepare(
    "INSERT INTO fines (id, unique_key, record_id, form_id, payer_role, person, amount, reason, origin, posted_at) VALUES (?, ?, ?, ?, 'technician', ?, 50, ?, 'breach', ?)",
  );
  const notice = db.prepare('INSERT INTO notifications VALUES (?, ?, ?, ?, ?, ?, ?)');
  const approval = db.prepare(
    `INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, decided_by, decided_at, comment, created_at, store)
     VALUES (?, ?, ?, 'afterSalesManager', 'received', ?, 'A1', ?, ?, ?, NULL, ?, ?)`,
  );
  const audit = db.prepare(
    "INSERT INTO audit (at, actor, entity, entity_id, action, before, after) VALUES (?, 'clerk', 'record', ?, 'create', 'null', ?)",
  );
  const reason = JSON.stringify({ 'zh-CN': '超时未到场', en: 'Late on site' });
  const message = JSON.stringify({ 'zh-CN': '工单超时', en: 'Job overdue' });
  const approvalReason = JSON.stringify({ 'zh-CN': '费用超出标准', en: 'Fee above the standard' });
  const recent = NOW - 3 * DAY;
  for (let from = 0; from < size; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size, from + BATCH); i++) {
        const template = templates[i % templates.length]!;
        const { at, created, store, technician, data } = call(i, size, template.data);
        const id = `b${String(i).padStart(8, '0')}`;
        const dataText = JSON.stringify(data);
        const old = created < recent;
        const status = old ? 'closed' : 'received';
        record.run(
          id,
          FORM,
          template.row.form_version,
          template.row.rule_set_versions,
          status,
          dataText,
          template.row.evaluation,
          store,
          null,
          'clerk',
          at,
          at,
          1,
        );
        template.deadlines.forEach((d, k) => {
          const dueAt = new Date(created + (k + 1) * 4 * 3_600_000).toISOString();
          // The newest calls' deadlines are open (due in two days), the last TICK_DUE of them due a minute ago (the tick's work).
          const state = old ? ((i + k) % 3 === 0 ? 'breached' : 'met') : 'open';
          const due =
            state !== 'open'
              ? dueAt
              : k === 0 && i >= size - TICK_DUE
                ? new Date(NOW - 60_000).toISOString()
                : new Date(NOW + 2 * DAY).toISOString();
          deadline.run(id, FORM, d.key, due, state, d.deadline);
          if (state === 'breached') {
            fine.run(`${id}-f${k}`, `${id}|${String(d.key)}`, id, FORM, technician, reason, dueAt);
            notice.run(`${id}-n${k}`, `${id}|n|${String(d.key)}`, dueAt, 'technician', technician, id, message);
          }
        });
        if (i % 10 === 0) {
          const pending = i % 100 === 0;
          approval.run(
            `${id}-a`,
            id,
            FORM,
            approvalReason,
            pending ? 'pending' : 'approved',
            pending ? null : 'manager',
            pending ? null : at,
            at,
            store,
          );
        }
        audit.run(at, id, dataText);
      }
    })();
    if ((from + BATCH) % 200_000 === 0) console.log(`  ${(from + BATCH).toLocaleString('en')} records`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const encodeCursor = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const bytesOf = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

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
  /** Record writes through POST /records, CONCURRENCY at a time: per second. */
  const writes = async (base: number) => {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < WRITES) {
          const i = next++;
          const { data } = call(
            base + i,
            base + WRITES,
            JSON.parse(readFileSync(new URL('./fixtures/after-sales-record.json', import.meta.url), 'utf8')) as Record<string, unknown>,
          );
          await request('POST', '/records', { form: FORM, data: { ...data, callTime: new Date().toISOString() }, store: data.store });
        }
      }),
    );
    return WRITES / ((performance.now() - started) / 1000);
  };
  return { child, request, timed, writes, stop: () => stopServerProcess(child) };
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
  checks: { what: string; shown: number; counted: number }[];
}

async function measure(size: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-bench-scale-'));
  try {
    // The server makes its schema, pack and admin; templates are evaluated through the API; writes on the empty store.
    const empty = await serve(dir);
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/after-sales-record.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    const ids: string[] = [];
    let emptyWrites = 0;
    try {
      for (const serviceType of ['repair', 'install', 'delivery'])
        for (const zone of ['urban', 'suburban'])
          ids.push(String((await empty.request('POST', '/records', { form: FORM, data: { ...fixture, serviceType, zone } })).body.id));
      emptyWrites = await empty.writes(0);
    } finally {
      await empty.stop();
    }

    const file = join(dir, 'aftersales.sqlite');
    const db = openSqlite(file);
    const templates: Template[] = ids.map((id) => {
      const row = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as Record<string, unknown>;
      return {
        row,
        data: JSON.parse(String(row.data)) as Record<string, unknown>,
        deadlines: db.prepare('SELECT key, deadline FROM deadlines WHERE record_id = ?').all(id) as Record<string, unknown>[],
      };
    });
    db.prepare('DELETE FROM records').run();
    for (const table of ['deadlines', 'fines', 'notifications', 'approvals', 'audit']) db.prepare(`DELETE FROM ${table}`).run();
    const started = performance.now();
    build(db, size, templates);
    const buildSeconds = (performance.now() - started) / 1000;
    console.log(`  built in ${buildSeconds.toFixed(1)} s`);
    const cursorAt = (offset: number) => {
      const row = db.prepare('SELECT created_at, id FROM records ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?').get(offset) as {
        created_at: string;
        id: string;
      };
      return encodeCursor([row.created_at, row.id]);
    };
    const middle = cursorAt(Math.floor(size / 2));
    const last = cursorAt(size - 51);
    db.close();
    const bytesPerRecord = bytesOf(dir) / size;

    const server = await serve(dir);
    try {
      const sample = call(Math.floor(size / 3), size, fixture);
      const month = new Date(START + 60 * DAY + 8 * 3_600_000).toISOString().slice(0, 7);
      const paths: [string, string][] = [
        ['records, first page', '/records?limit=50'],
        ['records, middle page', `/records?limit=50&cursor=${middle}`],
        ['records, last page', `/records?limit=50&cursor=${last}`],
        ['records, one form and store, first page', `/records?form=${FORM}&store=${encodeURIComponent(STORES[3]!)}&limit=50`],
        ['records, deadline = breached', '/records?deadline=breached&limit=50'],
        [
          'records, created in one week',
          `/records?from=${new Date(START + 90 * DAY).toISOString().slice(0, 10)}&to=${new Date(START + 96 * DAY).toISOString().slice(0, 10)}&limit=50`,
        ],
        ['search: phone number', `/records?q=${sample.data.customer.phone}&limit=50`],
        ['search: ticket no.', `/records?q=${encodeURIComponent(sample.data.ticketNo)}&limit=50`],
        ['search: technician (3 characters)', `/records?q=${encodeURIComponent(TECHNICIANS[7]!)}&limit=50`],
        ['search: surname (1 character)', `/records?q=${encodeURIComponent('周')}&limit=50`],
        [`fines of one month (${month})`, `/fines?month=${month}&limit=100`],
        ['fines of an empty month', '/fines?month=2001-01&limit=100'],
        ['dashboard: compliance, 8 weeks by technician', `/dashboard/compliance?groupBy=technician&weeks=8&form=${FORM}`],
        ['dashboard: counts by service type and zone', `/dashboard/counts?form=${FORM}&field=serviceType&by=zone`],
        ['dashboard: fines per month, 6 months', '/dashboard/fines?months=6'],
        ['deadlines, breached, first page', '/deadlines?state=breached&limit=100'],
        ['approvals, pending, first page', '/approvals?limit=100'],
        ['notifications, first page', '/notifications?limit=50'],
        ['record detail', `/records/b${String(Math.floor(size / 3)).padStart(8, '0')}`],
      ];
      const endpoints: Figures['endpoints'] = {};
      for (const [name, path] of paths) {
        endpoints[name] = await server.timed(path);
        console.log(`  ${name}: ${endpoints[name].ms.toFixed(1)} ms, ${endpoints[name].bytes.toLocaleString('en')} bytes`);
      }
      const writes = await server.writes(size);
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
      return { size, buildSeconds, endpoints, emptyWrites, writes, tickMs, breached, peakMb, bytesPerRecord, checks };
    } finally {
      await server.stop();
    }
  } finally {
    if (process.env.SCALE_KEEP) console.log(`  kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const results: Figures[] = [];
for (const size of SIZES) {
  console.log(`building ${size.toLocaleString('en')} records`);
  const figures = await measure(size);
  const { endpoints: _endpoints, checks: _checks, ...summary } = figures;
  console.log(summary);
  results.push(figures);
}
const n = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
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

Stores of F1 after-sales calls built straight into the server's SQLite file in transactions of ${n(BATCH)} records (20 stores, 50 technicians,
calls over the last six months; each with its deadlines — older ones met or a third breached, with a fine and a notice per breach —,
its audit entry, and one approval in ten, a tenth of them pending); the server, in its own process, restarted on the grown file and timed
from outside over HTTP: median of ${RUNS} requests after a warm-up (one, when the warm-up took over 2 s), admin (no store scope). Writes: ${WRITES} \`POST /records\`, ${CONCURRENCY} at a time.
Tick: one \`POST /clock/tick\` with ${TICK_DUE} deadlines due. Peak memory: the server process's VmHWM.

| endpoint (ms) | ${head} | growth | target at the largest |
| --- | ${align} | ---: | --- |
${rows.join('\n')}

| | ${head} |
| --- | ${align} |
| build (s) | ${results.map((r) => n(r.buildSeconds, 1)).join(' | ')} |
| record writes / s (empty store: ${results.map((r) => n(r.emptyWrites)).join(', ')}) | ${results.map((r) => `${n(r.writes)} (${n((r.writes / r.emptyWrites) * 100)}%)`).join(' | ')} |
| clock tick (ms; deadlines breached) | ${results.map((r) => `${n(r.tickMs)} (${n(r.breached)})`).join(' | ')} |
| server peak memory (MB) | ${results.map((r) => n(r.peakMb)).join(' | ')} |
| disk per record (KB) | ${results.map((r) => n(r.bytesPerRecord / 1024, 2)).join(' | ')} |

Dashboards against the rows counted directly at ${n(lastResult.size)} records:

| total | shown | counted | |
| --- | ---: | ---: | --- |
${lastResult.checks.map((c) => `| ${c.what} | ${n(c.shown, 2)} | ${n(c.counted, 2)} | ${Math.abs(c.shown - c.counted) < 0.005 ? 'equal' : '**DIFFERENT**'} |`).join('\n')}

The machine is shared (other work ran at the same time), so single figures move by tens of percent between runs; compare the growth across columns.`,
);
if (results.some((r) => r.checks.some((c) => Math.abs(c.shown - c.counted) >= 0.005))) process.exitCode = 1;
