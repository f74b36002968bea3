import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Whether this code runs from its TypeScript sources (tests, benches) rather than the build. */
const fromSource = import.meta.url.endsWith('.ts');

/**
 * A worker thread running `entry` (the URL of a worker module's built `.js`). From the sources the
 * worker runs the module's TypeScript through tsx (sourceWorker.mjs), with the same conditions as this
 * process.
 */
export function startWorker(entry: URL, options: Pick<WorkerOptions, 'workerData'> = {}): Worker {
  if (!fromSource) return new Worker(entry, options);
  const source = new URL(entry.href.replace(/\.js$/, '.ts'));
  return new Worker(new URL('./sourceWorker.mjs', import.meta.url), {
    ...options,
    execArgv: ['--conditions=source'],
    argv: [source.href],
  });
}
