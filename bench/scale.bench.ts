// Record writes as the store grows: stores of 10k, 100k and 1M F1 (after-sales) records, built
// directly through the store (group-committed writeRecord batches, each record with its deadlines —
// a third of them breached —, fines, notices and audit entry), then timed: new records through
// RecordService (validate, evaluate, durable write) and status moves. Also disk per record.
// `pnpm bench scale`; SCALE_SIZES=10000,100000 picks the sizes (default 10k, 100k, 1M).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore, createApp, importDefaultPack, type RecordWrite, type StoredRecord } from '@aftersales/server';
import { machineLine, writeSection } from './lib/writeSection.js';

const SIZES = (process.env.SCALE_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const BUILD_BATCH = 2_000;
const WRITES = 400;
const MOVES = 200;
const CONCURRENCY = 10;
const DAY = 24 * 3600 * 1000;
const START = Date.parse('2025-04-01T01:00:00.000Z');

const call = (i: number) => ({
  ticketNo: `SH-${String(i).padStart(7, '0')}`,
  store: ['解放路店', '人民路店', '建设路店', '中山路店'][i % 4],
  customer: {
    name: ['李女士', '王先生', '张女士', '赵先生'][i % 4],
    phone: `138${String(i % 1e8).padStart(8, '0')}`,
    address: '解放路 18 号',
  },
  brand: ['kohler', 'sungoBath', 'meixinDoor'][i % 3],
  serviceType: ['repair', 'install', 'delivery'][i % 3],
  problemDescription: '漏水',
  zone: i % 5 === 0 ? 'suburban' : 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: ['王师傅', '赵师傅', '孙师傅', '周师傅', '吴师傅'][i % 5],
});

/** Runs `work` for 0..count-1, `concurrency` at a time; the elapsed seconds. */
async function timed(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

const bytesOf = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

interface Figures {
  size: number;
  buildSeconds: number;
  writesPerSecond: number;
  moveMs: number;
  bytesPerRecord: number;
}

async function measure(size: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-bench-scale-'));
  const store = new SqliteStore(dir);
  try {
    const now = new Date('2025-10-09T09:05:00+08:00');
    const { services } = createApp({ store, clock: () => now });
    await importDefaultPack(store, services.definitions);
    // Templates: real evaluations of a few calls, copied with new ids over six months.
    const templates = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => services.records.create('after-sales-record', call(i), 'clerk')));
    const built = performance.now();
    for (let from = 0; from < size; from += BUILD_BATCH) {
      const writes: Promise<void>[] = [];
      for (let i = from; i < Math.min(size, from + BUILD_BATCH); i++) {
        const { record, written } = templates[i % templates.length]!;
        const at = new Date(START + Math.floor((i / size) * 180 * DAY)).toISOString();
        const id = `bulk-${String(i).padStart(8, '0')}`;
        const copy: StoredRecord = { ...record, id, data: { ...record.data, ticketNo: `B-${i}` }, createdAt: at, updatedAt: at };
        const write: RecordWrite = {
          record: copy,
          previous: null,
          actor: 'clerk',
          action: 'create',
          approvals: written.approvals.map((a) => ({ ...a, id: `${id}-${a.id}`, recordId: id, createdAt: at })),
          deadlines: written.deadlines.map((d, k) => ({ ...d, recordId: id, state: (i + k) % 3 === 0 ? 'breached' : d.state })),
          fines: written.fines.map((f) => ({ ...f, id: `${id}-${f.id}`, uniqueKey: `${id}|${f.uniqueKey}`, recordId: id, postedAt: at })),
          notifications: written.notifications.map((n) => ({
            ...n,
            id: `${id}-${n.id}`,
            uniqueKey: `${id}|${n.uniqueKey}`,
            recordId: id,
            at,
          })),
        };
        writes.push(store.writeRecord(write));
      }
      await Promise.all(writes);
      if (from % 100_000 === 0 && from > 0) console.log(`  ${from.toLocaleString('en')} records`);
    }
    const buildSeconds = (performance.now() - built) / 1000;
    await store.close();
    const bytesPerRecord = bytesOf(dir) / size;

    // Writes through the use case on the grown store (a fresh handle, as after a restart).
    const grown = new SqliteStore(dir);
    const app = createApp({ store: grown, clock: () => now });
    const created: string[] = [];
    const writeSeconds = await timed(WRITES, async (i) => {
      created.push((await app.services.records.create('after-sales-record', call(size + i), 'clerk')).record.id);
    });
    const moveSeconds = await timed(MOVES, (i) => app.services.records.transition(created[i]!, 'dispatched', 'clerk'));
    await grown.close();
    return {
      size,
      buildSeconds,
      writesPerSecond: WRITES / writeSeconds,
      moveMs: (moveSeconds * 1000 * CONCURRENCY) / MOVES,
      bytesPerRecord,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Figures[] = [];
for (const size of SIZES) {
  console.log(`building ${size.toLocaleString('en')} records`);
  const figures = await measure(size);
  console.log(figures);
  results.push(figures);
}
const base = results[0]!;
const n = (x: number, digits = 0) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
writeSection(
  'Record writes as the store grows (pnpm bench scale)',
  `${machineLine()}

Stores of F1 records built directly through the store (group-committed \`writeRecord\` batches of ${n(BUILD_BATCH)}, each record with
its deadlines — a third breached —, fines, notices and audit entry; created over six months), then on the grown store:
${WRITES} new records through \`RecordService.create\` (validate, evaluate, durable write) and ${MOVES} status moves, ${CONCURRENCY} at a time.
Disk per record: the SQLite file with its WAL after the build, divided by the records.

| records | build (s) | record writes / s | vs ${n(base.size)} | status move (ms) | disk per record |
| ---: | ---: | ---: | ---: | ---: | ---: |
${results
  .map(
    (r) =>
      `| ${n(r.size)} | ${n(r.buildSeconds, 1)} | ${n(r.writesPerSecond)} | ${n((r.writesPerSecond / base.writesPerSecond) * 100)}% | ${n(r.moveMs, 1)} | ${n(r.bytesPerRecord / 1024, 2)} KB |`,
  )
  .join('\n')}

The machine is shared (other work ran at the same time), so single figures move by tens of percent between runs; compare the growth across rows.`,
);
