import { Repeating } from '../Repeating.js';
import type { Clock } from '../Clock.js';
import type { DeadlinesRepository } from '../../store/ports/DeadlinesRepository.js';
import { CLOCK_BATCH, runClockBatches, type ClockPorts, type TickCounts } from './clockBatches.js';
import { tickOnWorker } from './tickOnWorker.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = ClockPorts & Pick<DeadlinesRepository, 'clockWorkerSource'>;

export interface SchedulerOptions {
  /** Most rows per batch (default CLOCK_BATCH). */
  batchSize?: number;
  /** Hand a backlog over to a worker thread when the store offers one (default true). */
  offThread?: boolean;
}

/**
 * The clock: at each tick, open deadlines past due become breached and their fines are posted
 * (exactly once: the store refuses a second breach of the same deadline, and fines have unique
 * keys), and reminders due go out. Safe with several server instances on one store.
 *
 * A tick works in bounded batches, one transaction each (clockBatches.ts). A tick with a backlog
 * (a weekend down, a calendar publish: its first batch came back full) goes on in a worker thread
 * with its own connection to the store, when the store offers one (SQLite): a commit's writes to the
 * file then never hold the request thread, which only waits for the counts.
 */
export class Scheduler {
  private readonly repeating = new Repeating('clock tick', () => this.tick());
  private readonly most: number;
  private readonly offThread: boolean;

  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    options: SchedulerOptions = {},
  ) {
    this.most = options.batchSize ?? CLOCK_BATCH;
    this.offThread = options.offThread ?? true;
  }

  async tick(now: Date = this.clock()): Promise<TickCounts> {
    const at = now.toISOString();
    const source = this.offThread ? this.store.clockWorkerSource() : null;
    const counts: TickCounts = { breached: 0, reminded: 0 };
    const finished = await runClockBatches(this.store, at, this.most, counts, source !== null);
    if (!source || finished) return counts;
    const there = await tickOnWorker({ source, at, most: this.most });
    counts.breached += there.counts.breached;
    counts.reminded += there.counts.reminded;
    if (there.error) {
      // The same batches, here: a worker that could not start or failed still leaves a tick that breaches
      // (each batch is atomic; what the worker committed is done and counted).
      console.error(`the clock's worker failed (${there.error}); the tick goes on in this thread`);
      await runClockBatches(this.store, at, this.most, counts);
    }
    return counts;
  }

  start(intervalMs: number): void {
    this.repeating.start(intervalMs);
  }

  stop(): void {
    this.repeating.stop();
  }
}
