// The clock under a backlog: 200,000 open deadlines past due (a weekend down, a calendar publish),
// one POST /clock/tick, and a client polling GET /auth/me every few milliseconds meanwhile. Reports
// the longest wait of a poll during the tick (target under 100 ms), the same without a tick, and
// breaches per second. The server runs in its own process; the deadlines go straight into its file.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DUE_DEADLINE } from '@aftersales/server/testing';
import { adminCookie, startServerProcess, stopServerProcess } from './lib/serverProcess.js';
import { openSqlite } from './lib/sqlite.js';
import { machineLine, writeSection } from './lib/writeSection.js';

const DUE = Number(process.env.CLOCK_BENCH_DUE ?? 200_000);
const POLL_EVERY_MS = 5;
const TARGET_MS = 100;

/** The deadline document of every inserted row (the clock tests' own): two fines on breach, an owner to notify. */
const deadlineJson = JSON.stringify(DUE_DEADLINE);

/** POST /clock/tick over node:http (fetch gives up waiting for headers after 300 s; a slow machine's tick may take longer). */
function tickOnce(url: string, cookie: string): Promise<{ breached: number }> {
  return new Promise((resolve, reject) => {
    // A cookie-authenticated write without a JSON body carries the header a cross-site form cannot send.
    const headers = { Cookie: cookie, 'X-Requested-With': 'aftersales' };
    const req = request(`${url}/api/v1/clock/tick`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(body) as { breached: number })
          : reject(new Error(`tick answered ${res.statusCode}: ${body}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls GET /auth/me until `until` resolves; the longest and the median wait, and how many answers came. */
async function poll(url: string, cookie: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const waits: number[] = [];
  const from = performance.now();
  const slowest: { at: number; wait: number }[] = [];
  while (!done) {
    const started = performance.now();
    const answer = await fetch(`${url}/api/v1/auth/me`, { headers: { Cookie: cookie } });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`GET /auth/me: ${answer.status}`);
    const wait = performance.now() - started;
    waits.push(wait);
    slowest.push({ at: (started - from) / 1000, wait });
    slowest.sort((a, b) => b.wait - a.wait).splice(5);
    await sleep(POLL_EVERY_MS);
  }
  waits.sort((a, b) => a - b);
  // When the slowest waits began (seconds into the poll), to tell a stall at the tick's end from one in its middle.
  const when = slowest.map((s) => `${s.wait.toFixed(0)} ms at ${s.at.toFixed(1)} s`).join(', ');
  return { longest: waits.at(-1) ?? 0, median: waits[Math.floor(waits.length / 2)] ?? 0, answers: waits.length, when };
}

const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-clock-'));
try {
  const { child, url } = await startServerProcess(dataDir);
  try {
    const cookie = await adminCookie(url);
    const db = openSqlite(join(dataDir, 'aftersales.sqlite'));
    const insert = db.prepare(
      "INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, 'after-sales-record', 'arrival', ?, 'open', NULL, 0, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < DUE; i++) insert.run(`due-${i}`, `2025-10-09T08:${String(i % 60).padStart(2, '0')}:00.000Z`, deadlineJson);
    })();
    db.close();
    console.log(`${DUE} due deadlines inserted`);

    const idle = await poll(url, cookie, sleep(3000));
    const started = performance.now();
    const tick = tickOnce(url, cookie);
    const during = await poll(url, cookie, tick);
    const seconds = (performance.now() - started) / 1000;
    const { breached } = await tick;
    const again = await tickOnce(url, cookie);
    const check = openSqlite(join(dataDir, 'aftersales.sqlite'), { readonly: true });
    const fines = Number((check.prepare("SELECT COUNT(*) AS n FROM fines WHERE origin = 'breach'").get() as { n: number }).n);
    check.close();
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const met = during.longest < TARGET_MS;
    console.log({ breached, seconds, idle, during, again: again.breached, fines });
    writeSection(
      'Clock tick under a backlog (pnpm bench clock)',
      `${machineLine()}

One \`POST /clock/tick\` against ${DUE.toLocaleString('en')} open deadlines past due (each posts two fines, a notice and an audit entry),
while a client polls \`GET /auth/me\` every ${POLL_EVERY_MS} ms. The server runs in its own process; the deadlines are put straight into its SQLite file.

| | figure |
| --- | ---: |
| deadlines breached by the tick | ${breached.toLocaleString('en')} (fines posted: ${fines.toLocaleString('en')}; a second tick breached ${again.breached}) |
| tick duration | ${seconds.toFixed(1)} s |
| breaches per second | ${Math.round(breached / seconds).toLocaleString('en')} |
| \`GET /auth/me\` answered during the tick | ${during.answers.toLocaleString('en')} |
| longest wait of a request during the tick | **${ms(during.longest)}** (target under ${TARGET_MS} ms — ${met ? 'met' : 'NOT met'}) |
| median wait during the tick | ${ms(during.median)} |
| the five longest waits (when they began, seconds into the tick) | ${during.when} |
| longest / median wait with no tick (3 s) | ${ms(idle.longest)} / ${ms(idle.median)} |

Before the change a tick of 202,897 breaches took 223 s in one blocking loop (a transaction per breach) and a request waited the whole tick.`,
    );
  } finally {
    await stopServerProcess(child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
