// A worker thread of the impact pool: compiles each plan's policies once and replays batches of rows
// sent to it, or parts of a window it reads itself from the store's file (`ImpactReader`).
import { parentPort } from 'node:worker_threads';
import { openImpactReader, type ImpactReader } from '../../store/impactReader.js';
import type { ImpactPartFilter, ImpactRow } from '../../store/impactRows.js';
import type { WorkerStoreSource } from '../../store/workerSource.js';
import { compilePair } from './compilePair.js';
import { PLANS_KEPT, type ImpactPlan } from './ImpactPlan.js';
import { replayBatch, replayPart, type BatchResult, type PolicyPair } from './replayRecord.js';

/** A batch to replay; `plan` is sent the first time this worker sees its key. */
export interface WorkerJob {
  job: number;
  key: string;
  plan?: ImpactPlan;
  /** The rows to replay, or the part of the window to read from `source` and replay. */
  rows?: ImpactRow[];
  part?: { source: WorkerStoreSource; filter: ImpactPartFilter };
  now: string;
  /** How many changed records to send back with their titles (the list). */
  list: number;
}

/** Closes the worker's read handles (sent when a replay ends: a handle is not kept open between replays). */
export interface WorkerRelease {
  release: true;
}

export type WorkerAnswer = { job: number; result: BatchResult } | { job: number; error: string };

const pairs = new Map<string, PolicyPair>();
const readers = new Map<string, ImpactReader>();

function readerOf(source: WorkerStoreSource): ImpactReader {
  const key = `${source.adapter}:${source.dataDir}`;
  let reader = readers.get(key);
  if (!reader) readers.set(key, (reader = openImpactReader(source)));
  return reader;
}

parentPort?.on('message', (message: WorkerJob | WorkerRelease) => {
  if ('release' in message) {
    for (const reader of readers.values()) reader.close();
    readers.clear();
    return;
  }
  try {
    let pair = pairs.get(message.key);
    if (!pair) {
      if (!message.plan) throw new Error(`no plan for ${message.key}`);
      if (pairs.size >= PLANS_KEPT) pairs.clear();
      pair = compilePair(message.plan);
      pairs.set(message.key, pair);
    }
    const now = new Date(message.now);
    const result = message.part
      ? replayPart(pair, readerOf(message.part.source).rows(message.part.filter), now, message.list)
      : replayBatch(pair, message.rows ?? [], now, message.list);
    parentPort!.postMessage({ job: message.job, result } satisfies WorkerAnswer);
  } catch (error) {
    parentPort!.postMessage({ job: message.job, error: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer);
  }
});
