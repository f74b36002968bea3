// Record submission under load (auth + validate + evaluate + durable SQLite write + audit) at 50
// connections, against an Express JSON echo baseline in the same run, and beside the floor of any
// durable write (Express storing each body as one SQLite row, committed as the server commits); then a durability check:
// SIGKILL the server under load, restart it, count acknowledged records that are missing.
// Both servers run in a process of their own (autocannon has this one); the two loads alternate
// over several rounds and the medians are reported, so a slow moment of the machine hits both.
// Run as `tsx bench/server.bench.ts echo-server` it is the echo baseline's process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import express from 'express';
import { openSqlite } from './lib/sqlite.js';
import { machineLine, writeSection } from './lib/writeSection.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'bench-admin-password';
const CONNECTIONS = 50;
const SECONDS = 5;
const ROUNDS = 5;
const record = {
  form: 'vehicle-use',
  data: {
    user: '张三',
    driver: '李四',
    departureTime: '2025-10-20T09:00:00+08:00',
    purpose: '送货',
    repairCost: 350,
    mileageStart: 100,
    mileageEnd: 180,
  },
};

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(ROOT, 'packages/server/src/main.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: PASSWORD,
      CLOCK_TICK_MS: '60000',
      STATIC_DIR: join(dataDir, 'none'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function apiKey(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const key = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ name: 'bench', scopes: ['records:write', 'records:read'] }),
  });
  return ((await key.json()) as { secret: string }).secret;
}

function load(url: string, headers: Record<string, string>, seconds = SECONDS): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(record),
  });
}

// Baseline: Express parsing and echoing the same JSON body, in a process of its own; the same process
// serves the floor (`/insert`).
function startEcho(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'echo-server'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve({ child, url: chunk.toString().trim() }));
    child.once('exit', (code) => reject(new Error(`echo server exited (${code})`)));
  });
}
if (process.argv[2] === 'echo-server') {
  const echo = express();
  echo.use(express.json({ limit: '1mb' }));
  echo.post('/echo', (req, res) => res.status(201).json(req.body));
  // The floor of a durable write: each body stored as one row (WAL, full sync), the writes of one turn
  // of the event loop committed together and each answered after the commit, as the server's group commit does.
  const floorDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-floor-'));
  const db = openSqlite(join(floorDir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.prepare('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)').run();
  const insert = db.prepare('INSERT INTO rows (body, at) VALUES (?, ?)');
  let waiting: { body: string; answer: () => void }[] = [];
  let batch: typeof waiting = [];
  const commit = db.transaction(() => {
    const at = new Date().toISOString();
    for (const row of batch) insert.run(row.body, at);
  });
  echo.post('/insert', (req, res) => {
    waiting.push({ body: JSON.stringify(req.body), answer: () => res.status(201).json(req.body) });
    if (waiting.length > 1) return;
    setImmediate(() => {
      [batch, waiting] = [waiting, []];
      commit();
      for (const row of batch) row.answer();
    });
  });
  process.once('SIGTERM', () => {
    db.close();
    rmSync(floorDir, { recursive: true, force: true });
    process.exit(0);
  });
  const listening = echo.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(listening.address() as AddressInfo).port}`));
  await new Promise(() => {}); // served until the bench kills it
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}
const figures = (runs: autocannon.Result[]): Figures => ({
  rps: median(runs.map((r) => r.requests.average)),
  p50: median(runs.map((r) => r.latency.p50)),
  p99: median(runs.map((r) => r.latency.p99)),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
});

const echoServer = await startEcho();
const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-'));
let server = await startServer(dataDir);
const key = await apiKey(server.url);
const auth = { Authorization: `Bearer ${key}` };
const submitUrl = `${server.url}/api/v1/records`;
const echoUrl = `${echoServer.url}/echo`;
const floorUrl = `${echoServer.url}/insert`;
await load(echoUrl, {}, 2); // warm-up
await load(floorUrl, {}, 2);
await load(submitUrl, auth, 2);
const echoRuns: autocannon.Result[] = [];
const floorRuns: autocannon.Result[] = [];
const submitRuns: autocannon.Result[] = [];
for (let round = 0; round < ROUNDS; round++) {
  echoRuns.push(await load(echoUrl, {}));
  floorRuns.push(await load(floorUrl, {}));
  submitRuns.push(await load(submitUrl, auth));
}
echoServer.child.kill('SIGTERM');
const baseline = figures(echoRuns);
const floor = figures(floorRuns);
const submit = figures(submitRuns);
const ratios = echoRuns.map((e, i) => submitRuns[i]!.requests.average / e.requests.average);

// Durability: writers record every acknowledged (201) id; the server is killed mid-stream.
const acknowledged: string[] = [];
let stop = false;
const writer = async () => {
  while (!stop) {
    try {
      const response = await fetch(`${server.url}/api/v1/records`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        body: JSON.stringify(record),
      });
      if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
    } catch {
      return; // the connection died with the server: not acknowledged
    }
  }
};
const writers = Array.from({ length: 20 }, writer);
await new Promise((resolve) => setTimeout(resolve, 3000));
server.child.kill('SIGKILL');
stop = true;
await Promise.all(writers);
server = await startServer(dataDir);
let missing = 0;
for (const id of acknowledged) {
  const response = await fetch(`${server.url}/api/v1/records/${id}`, { headers: auth });
  if (response.status !== 200) missing++;
}
server.child.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

const row = (name: string, f: Figures) => `| ${name} | ${Math.round(f.rps).toLocaleString('en-US')} | ${f.p50} | ${f.p99} | ${f.non2xx} |`;
const ratio = median(ratios);
const table = [
  '| what | req/s | p50 ms | p99 ms | non-2xx |',
  '| --- | ---: | ---: | ---: | ---: |',
  row('Express JSON echo (baseline)', baseline),
  row('Express + the body stored durably, one SQLite row (floor of a write)', floor),
  row('record submission (F5, SQLite)', submit),
].join('\n');
const verdicts = [
  `Throughput ratio: **${ratio.toFixed(2)}x** of echo, the median of the rounds' ${ratios.map((r) => r.toFixed(2)).join(', ')} (target at least 0.5x) — ${ratio >= 0.5 ? 'met' : 'NOT met'}.`,
  `Record submission against the floor of a durable write: **${(submit.rps / floor.rps).toFixed(2)}x** (the floor against the echo: ${(floor.rps / baseline.rps).toFixed(2)}x); what a submission does beyond storing its body (validation, evaluation, the record's indexes, search and tallies, approvals, audit) is the rest.`,
  `p99 of record submission: **${submit.p99} ms** (target under 25 ms) — ${submit.p99 < 25 ? 'met' : 'NOT met'}.`,
  `Durability: server killed with SIGKILL after 3 s under 20 writers; **${missing} of ${acknowledged.length}** acknowledged records missing after restart (target 0) — ${missing === 0 ? 'met' : 'NOT met'}.`,
];
console.log(table);
for (const v of verdicts) console.log(v);
writeSection(
  'Server',
  `${CONNECTIONS} connections (autocannon), ${ROUNDS} rounds of ${SECONDS} s for each load, alternating, after a 2 s warm-up; medians of the rounds. Each server is one process of its own, run from sources with tsx.\n${machineLine()} Load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end of the run (the machine is shared; the ratio is measured in the same run).\n\n${table}\n\n${verdicts.map((v) => `- ${v}`).join('\n')}`,
);
process.exit(0);
