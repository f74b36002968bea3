import type { DeadlinesRepository } from '../../store/ports/DeadlinesRepository.js';
import type { RecordsRepository } from '../../store/ports/RecordsRepository.js';
import { breachOf, reminderOf } from './clockPostings.js';

/** The repositories the clock's work uses (services take only the ports they use; see store/ports/). */
export type ClockPorts = Pick<DeadlinesRepository, 'dueDeadlines' | 'recordBreaches' | 'dueReminders' | 'markRemindedBatch'> &
  Pick<RecordsRepository, 'tidySearch'>;

/** What a tick did. */
export interface TickCounts {
  breached: number;
  reminded: number;
}

/** Most rows per transaction: enough to amortise a commit. */
export const CLOCK_BATCH = 500;
/**
 * How long one batch may hold the thread and the store's write lock; the batch size follows it (a slow
 * or busy machine gets smaller batches). On the request thread, a request that arrives during a batch
 * waits for the rest of it; on a worker thread, so does a record write that needs the lock.
 */
const BATCH_BUDGET_MS = 20;
const MIN_BATCH = 25;
/** The search index's tidying per tick: batches of this many pages (a few milliseconds each), at most this many batches. */
const SEARCH_PAGES = 100;
const SEARCH_BATCHES = 50;

/** One turn of the event loop (its poll phase answers waiting requests) before the next batch. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The clock's work at `at`, in bounded batches (one transaction each) with a turn of the event loop
 * between them: open deadlines past due become breached with their fines and notices (the store skips
 * one another instance breached meanwhile), reminders due go out, and last the record search index
 * is tidied. `counts` adds up what the committed batches did as they go (a caller whose tick fails
 * midway still knows it). With `stopWhenFull`, it stops after the first full batch of breaches or
 * reminders (more may be due: a backlog, for a worker thread). True when the tick's work is all done.
 */
export async function runClockBatches(
  store: ClockPorts,
  at: string,
  most: number,
  counts: TickCounts,
  stopWhenFull = false,
): Promise<boolean> {
  const size = new BatchSize(most);
  for (;;) {
    const started = performance.now();
    const asked = size.value;
    const rows = await store.dueDeadlines(at, asked);
    if (rows.length === 0) break;
    // Rows another instance breached meanwhile are skipped by the store; they are no longer open, so the loop ends.
    counts.breached += await store.recordBreaches(
      rows.map((row) => breachOf(row, at)),
      at,
    );
    size.took(performance.now() - started);
    if (stopWhenFull && rows.length === asked) return false;
    await yieldToRequests();
  }
  for (;;) {
    const started = performance.now();
    const asked = size.value;
    const rows = await store.dueReminders(at, asked);
    if (rows.length === 0) break;
    counts.reminded += await store.markRemindedBatch(rows.map((row) => ({ row, notification: reminderOf(row, at) })));
    size.took(performance.now() - started);
    if (stopWhenFull && rows.length === asked) return false;
    await yieldToRequests();
  }
  // The search index merges the segments the record writes left (writes do not merge: it slowed them as the index grew).
  for (let batch = 0; batch < SEARCH_BATCHES && (await store.tidySearch(SEARCH_PAGES)); batch++) await yieldToRequests();
  return true;
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
