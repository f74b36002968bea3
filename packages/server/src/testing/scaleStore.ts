import { createApp } from '../http/createApp.js';
import type { Principal } from '../services/Principal.js';
import { importDefaultPack } from '../services/importDefaultPack.js';
import { SqliteBulkLoad } from '../store/sqlite/bulkLoad.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';

/**
 * A store of a service centre's history, for the scale bench: `size` F1 after-sales calls over the
 * 180 days before `now` from 20 stores and 50 technicians, and a parts requisition for every tenth
 * call (two approvals each, nine in ten of them decided). Everything is written by the server's own
 * services on a SQLite store — records evaluated and numbered by RecordService, approvals decided by
 * ApprovalService, deadlines breached (with their fines, notices and audit entries) and reminders
 * sent by the Scheduler ticking at every day's end — with the clock set to each event's time, so the
 * store is the one those calls would leave. With `bulk` (the bench), the writes run inside a
 * SqliteBulkLoad (long transactions without waiting for the disk); without it, each write commits
 * as on a running server. Both give the same rows (scaleStore.test.ts).
 */
export interface ScaleStoreOptions {
  size: number;
  /** The end of the history: calls run up to it, the clock ticked for the last time `quietMinutes` before it. */
  now: number;
  bulk: boolean;
  /** Password of the admin the store is made with (when the directory is new). */
  adminPassword?: string;
  onProgress?: (done: number) => void;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
export const SCALE_FORM = 'after-sales-record';
const REQUISITION = 'parts-requisition';
/** Calls within this long before `now` are still open (only registered); older ones were worked. */
const OPEN_DAYS = 3;
/** The last tick of the build is this long before `now`; what falls due after it is the next tick's work. */
const QUIET_MINUTES = 30;

export const SCALE_STORES = [
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
export const SCALE_TECHNICIANS = SURNAMES.flatMap((s) => GIVEN.map((g) => `${s}${g}`)); // 50
const BRANDS = ['kohler', 'meixinDoor', 'sungoBath', 'goldenCabinet', 'holikeWardrobe'];

const shanghai = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 19) + '+08:00';

/** The i-th call of a history of `size` calls ending at `now`: when, where, who, and the F1 data entered. */
export function scaleCall(i: number, size: number, now: number) {
  const start = now - 180 * DAY;
  const created = start + Math.floor((i / size) * 180 * DAY) + (i % 60) * 1000;
  const store = SCALE_STORES[i % SCALE_STORES.length]!;
  const technician = SCALE_TECHNICIANS[(i * 7) % SCALE_TECHNICIANS.length]!;
  const worked = created < now - OPEN_DAYS * DAY;
  // Arrivals 1 to 9 hours after the call: the later ones miss the arrival deadline (met late, breached by the clock).
  const arrival = created + HOUR + ((i * 37) % 480) * MINUTE;
  const data: Record<string, unknown> = {
    store,
    customer: {
      name: `${SURNAMES[(i * 3) % SURNAMES.length]}${i % 2 === 0 ? '先生' : '女士'}`,
      phone: `13${String((i * 7_919_993) % 1_000_000_000).padStart(9, '0')}`,
      address: `${SCALE_STORES[(i * 11) % SCALE_STORES.length]!.slice(0, 3)} ${(i % 200) + 1} 号`,
    },
    brand: BRANDS[i % BRANDS.length],
    serviceType: ['repair', 'install', 'delivery'][i % 3],
    problemDescription: '上门检查处理',
    zone: i % 5 === 0 ? 'suburban' : 'urban',
    callTime: shanghai(created),
    ringsBeforeAnswer: (i % 6) + 1,
    technician,
    ...(worked
      ? {
          dispatchTime: shanghai(created + 20 * MINUTE),
          arrivalTime: shanghai(arrival),
          resolution: 'fixedOnSite',
          fee: 100 + (i % 5) * 40,
          completedAt: shanghai(arrival + 40 * MINUTE),
          expertCalled: false,
        }
      : {}),
  };
  return { created, store, technician, data };
}

/** Builds the store in `dataDir` (a new directory, or one a server made: its pack and admin are kept). */
export async function buildScaleStore(dataDir: string, options: ScaleStoreOptions): Promise<void> {
  let time = options.now - 181 * DAY;
  const store = new SqliteStore(dataDir);
  try {
    const services = createApp({ store, clock: () => new Date(time) }).services;
    await importDefaultPack(store, services.definitions);
    await services.auth.bootstrapAdmin(options.adminPassword);
    const admin = await store.userByUsername('admin');
    if (!admin) throw new Error('the store has no admin');
    const approver: Principal = { kind: 'user', user: admin, sessionHash: null };
    const bulk = options.bulk ? new SqliteBulkLoad(store.database) : null;
    const lastTick = options.now - QUIET_MINUTES * MINUTE;
    let nextTick = Math.ceil(time / DAY) * DAY;
    /** The clock's ticks at each day's end up to `until` (outside the load's transaction: they commit their own batches). */
    const tickUntil = async (until: number) => {
      while (nextTick <= until && nextTick <= lastTick) {
        bulk?.pause();
        time = nextTick;
        await services.scheduler.tick(new Date(nextTick));
        bulk?.begin();
        nextTick += DAY;
      }
    };
    bulk?.begin();
    for (let i = 0; i < options.size; i++) {
      const call = scaleCall(i, options.size, options.now);
      await tickUntil(call.created);
      // A call already worked is entered once the work is done (the form refuses times in the future).
      time = typeof call.data.completedAt === 'string' ? Date.parse(call.data.completedAt) + MINUTE : call.created;
      await services.records.create(SCALE_FORM, call.data, 'clerk', { store: call.store });
      if (i % 10 === 0) {
        time = call.created + 30 * MINUTE;
        const { record } = await services.records.create(
          REQUISITION,
          {
            requester: call.technician,
            items: [{ name: '进水阀', spec: '通用', qty: 1 + (i % 3), unitPrice: 85 }],
            purpose: 'repair',
          },
          'clerk',
          { store: call.store },
        );
        // Nine in ten requisitions are signed the same day (leader, then supervisor); the rest wait.
        if ((i / 10) % 10 !== 0) {
          const pending = await store.listApprovals({ recordId: record.id, state: 'pending' });
          for (const [k, approval] of [...pending].sort((a, b) => a.rule.localeCompare(b.rule)).entries()) {
            time = call.created + (2 + k) * HOUR;
            await services.approvals.decide(approval.id, 'approve', '同意', approver);
          }
        }
      }
      bulk?.unitDone();
      if ((i + 1) % 50_000 === 0) options.onProgress?.(i + 1);
    }
    await tickUntil(lastTick);
    bulk?.finish();
  } finally {
    await store.close();
  }
}
