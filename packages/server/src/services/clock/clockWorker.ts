// A worker thread that runs a backlog of the clock's batches on its own connection to the store
// (the Scheduler hands a backlog over to it): the request thread only waits for the counts.
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerStore } from '../../store/workerStore.js';
import type { WorkerStoreSource } from '../../store/workerSource.js';
import { runClockBatches, type TickCounts } from './clockBatches.js';

/** The tick a worker runs: at which instant, on which store, with batches of at most `most` rows. */
export interface ClockJob {
  source: WorkerStoreSource;
  at: string;
  most: number;
}

/** What the worker's committed batches did, and why it stopped short when it did. */
export interface ClockAnswer {
  counts: TickCounts;
  error?: string;
}

const job = workerData as ClockJob;
const answer: ClockAnswer = { counts: { breached: 0, reminded: 0 } };
try {
  const store = openWorkerStore(job.source);
  try {
    await runClockBatches(store, job.at, job.most, answer.counts);
  } finally {
    await store.close();
  }
} catch (error) {
  answer.error = error instanceof Error ? error.message : String(error);
}
// The answer comes last, with the store closed; the thread then waits to be stopped (tickOnWorker ends
// it on the answer), so that its end can never overtake the answer.
parentPort!.on('message', () => {});
parentPort!.postMessage(answer);
