// A worker thread of the impact pool: compiles each plan's policies once and replays batches of rows.
import { parentPort } from 'node:worker_threads';
import type { ImpactRow } from '../../store/impactRows.js';
import { compilePair } from './compilePair.js';
import type { ImpactPlan } from './ImpactPlan.js';
import { replayBatch, type BatchResult, type PolicyPair } from './replayRecord.js';

/** A batch to replay; `plan` is sent the first time this worker sees its key. */
export interface WorkerJob {
  job: number;
  key: string;
  plan?: ImpactPlan;
  rows: ImpactRow[];
  now: string;
  /** How many changed records to send back with their titles (the list). */
  list: number;
}

export type WorkerAnswer = { job: number; result: BatchResult } | { job: number; error: string };

const pairs = new Map<string, PolicyPair>();

parentPort?.on('message', (message: WorkerJob) => {
  try {
    let pair = pairs.get(message.key);
    if (!pair) {
      if (!message.plan) throw new Error(`no plan for ${message.key}`);
      if (pairs.size >= 8) pairs.clear();
      pair = compilePair(message.plan);
      pairs.set(message.key, pair);
    }
    const result = replayBatch(pair, message.rows, new Date(message.now), message.list);
    parentPort!.postMessage({ job: message.job, result } satisfies WorkerAnswer);
  } catch (error) {
    parentPort!.postMessage({ job: message.job, error: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer);
  }
});
