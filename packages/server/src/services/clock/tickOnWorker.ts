import { startWorker } from '../workers/startWorker.js';
import type { ClockAnswer, ClockJob } from './clockWorker.js';

/**
 * Runs the clock's batches at `job.at` to the end on a worker thread started for it, with its own
 * connection to the store: what its committed batches did, and an error when it stopped short (a
 * thread that stopped without answering: nothing counted). The thread is stopped once it has answered.
 */
export function tickOnWorker(job: ClockJob): Promise<ClockAnswer> {
  // The first of these settles the promise (the exit that follows an answer changes nothing).
  return new Promise((resolve) => {
    const worker = startWorker(new URL('./clockWorker.js', import.meta.url), { workerData: job });
    worker.once('message', (answer: ClockAnswer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error) => resolve({ counts: { breached: 0, reminded: 0 }, error: error.message }));
    worker.once('exit', (code) =>
      resolve({ counts: { breached: 0, reminded: 0 }, error: `the worker stopped (${code}) before it answered` }),
    );
  });
}
