import { Repeating } from './Repeating.js';
import { randomUUID } from 'node:crypto';
import type { BreachItem } from '../store/Store.js';
import type { DeadlineRow, Notification } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { DeadlinesRepository } from '../store/ports/DeadlinesRepository.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = DeadlinesRepository & Pick<RecordsRepository, 'tidySearch'>;

/** Most rows per transaction: enough to amortise a commit's fsync. */
export const CLOCK_BATCH = 500;
/**
 * How long one batch may hold the event loop; the batch size follows it (a slow or busy machine gets
 * smaller batches). A request that arrives during a batch waits for the rest of it: 20 ms halves the
 * median wait of 40 ms batches at little cost in breaches per second (`pnpm bench clock`).
 */
const BATCH_BUDGET_MS = 20;
const MIN_BATCH = 25;
/** The search index's tidying per tick: batches of this many pages (a few milliseconds each), at most this many batches. */
const SEARCH_PAGES = 100;
const SEARCH_BATCHES = 50;

/** One turn of the event loop (its poll phase answers waiting requests) before the next batch. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The clock: at each tick, open deadlines past due become breached and their fines are posted
 * (exactly once: the store refuses a second breach of the same deadline, and fines have unique
 * keys), and reminders due go out. Safe with several server instances on one store.
 *
 * A tick works in bounded batches (one transaction each) and gives the event loop a turn between
 * them, so a tick of hundreds of thousands of breaches (a weekend down, a calendar publish) does not
 * stop the server answering requests. Last, it tidies the record search index, also in batches.
 */
export class Scheduler {
  private readonly repeating = new Repeating('clock tick', () => this.tick());

  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    private readonly batchSize: number = CLOCK_BATCH,
  ) {}

  async tick(now: Date = this.clock()): Promise<{ breached: number; reminded: number }> {
    const at = now.toISOString();
    const size = new BatchSize(this.batchSize);
    let breached = 0;
    for (;;) {
      const started = performance.now();
      const rows = await this.store.dueDeadlines(at, size.value);
      if (rows.length === 0) break;
      // Rows another instance breached meanwhile are skipped by the store; they are no longer open, so the loop ends.
      breached += await this.store.recordBreaches(
        rows.map((row) => breachOf(row, at)),
        at,
      );
      size.took(performance.now() - started);
      await yieldToRequests();
    }
    let reminded = 0;
    for (;;) {
      const started = performance.now();
      const rows = await this.store.dueReminders(at, size.value);
      if (rows.length === 0) break;
      reminded += await this.store.markRemindedBatch(rows.map((row) => ({ row, notification: reminderOf(row, at) })));
      size.took(performance.now() - started);
      await yieldToRequests();
    }
    // The search index merges the segments the record writes left (writes do not merge: it slowed them as the index grew).
    for (let batch = 0; batch < SEARCH_BATCHES && (await this.store.tidySearch(SEARCH_PAGES)); batch++) await yieldToRequests();
    return { breached, reminded };
  }

  start(intervalMs: number): void {
    this.repeating.start(intervalMs);
  }

  stop(): void {
    this.repeating.stop();
  }
}

/** Rows per batch, steered so that a batch takes about BATCH_BUDGET_MS, between MIN_BATCH and the most. */
class BatchSize {
  value: number;
  constructor(private readonly most: number) {
    this.value = Math.min(most, 100);
  }
  took(ms: number): void {
    const next = Math.round((this.value * BATCH_BUDGET_MS) / Math.max(ms, 1));
    // Grow at most twofold at a time, so that one fast batch does not make the next one long.
    this.value = Math.max(Math.min(MIN_BATCH, this.most), Math.min(this.most, next, this.value * 2));
  }
}

/** The fines and notice a breach posts; unique keys make a second posting of the same breach harmless. */
function breachOf(row: DeadlineRow, at: string): BreachItem {
  const fines = row.deadline.breachFines.map((f, i) => ({
    id: randomUUID(),
    uniqueKey: `${row.recordId}|breach|${row.key}|${i}`,
    recordId: row.recordId,
    formId: row.formId,
    payerRole: f.payer.role,
    person: f.payer.person ?? null,
    amount: f.amount,
    reason: f.reason,
    origin: 'breach' as const,
    postedAt: at,
  }));
  const owner = row.deadline.owner;
  const notifications: Notification[] = owner
    ? [
        {
          id: randomUUID(),
          uniqueKey: `${row.recordId}|breach|${row.key}`,
          at,
          role: owner.role,
          person: owner.person ?? null,
          recordId: row.recordId,
          message: { 'zh-CN': `已超时：${row.deadline.what['zh-CN']}`, en: `Overdue: ${row.deadline.what.en}` },
        },
      ]
    : [];
  return { row, fines, notifications };
}

function reminderOf(row: DeadlineRow, at: string): Notification {
  return {
    id: randomUUID(),
    uniqueKey: `${row.recordId}|remind|${row.key}`,
    at,
    role: row.deadline.owner?.role ?? 'afterSalesManager',
    person: row.deadline.owner?.person ?? null,
    recordId: row.recordId,
    // The due time is on the record (its deadline chips, in the store's time zone).
    message: { 'zh-CN': `即将到期：${row.deadline.what['zh-CN']}`, en: `Due soon: ${row.deadline.what.en}` },
  };
}
