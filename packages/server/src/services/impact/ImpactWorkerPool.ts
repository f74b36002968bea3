import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ImpactPartFilter, ImpactRow } from '../../store/impactRows.js';
import type { WorkerStoreSource } from '../../store/workerSource.js';
import { PLANS_KEPT, type ImpactPlan } from './ImpactPlan.js';
import type { BatchResult } from './replayRecord.js';
import type { WorkerAnswer, WorkerJob, WorkerRelease } from './impactWorker.js';
import { startWorker } from '../workers/startWorker.js';

interface Slot {
  worker: Worker;
  busy: number;
  /** Plan keys this worker has compiled. */
  plans: Set<string>;
  pending: Map<number, { resolve: (result: BatchResult) => void; reject: (error: Error) => void }>;
}

/**
 * Worker threads that replay batches of records for the impact service, so that the event loop
 * stays free while a whole history is evaluated. Started on first use and kept (unref'd: they do
 * not hold the process open); each worker compiles a plan's policies once and keeps the last few.
 */
export class ImpactWorkerPool {
  private slots: Slot[] = [];
  private nextJob = 1;

  constructor(readonly size = Math.max(1, Math.min(4, availableParallelism()))) {}

  private start(): Slot[] {
    if (this.slots.length > 0) return this.slots;
    for (let i = 0; i < this.size; i++) {
      const worker = startWorker(new URL('./impactWorker.js', import.meta.url));
      const slot: Slot = { worker, busy: 0, plans: new Set(), pending: new Map() };
      worker.on('message', (answer: WorkerAnswer) => {
        const waiting = slot.pending.get(answer.job);
        if (!waiting) return;
        slot.pending.delete(answer.job);
        slot.busy--;
        if ('error' in answer) waiting.reject(new Error(answer.error));
        else waiting.resolve(answer.result);
      });
      const fail = (error: Error) => {
        for (const waiting of slot.pending.values()) waiting.reject(error);
        slot.pending.clear();
        this.slots = this.slots.filter((s) => s !== slot);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`impact worker stopped (${code})`)));
      // After the listeners: a 'message' listener refs the worker's port again, and a kept worker
      // must not keep the process alive (a server or a bench that is done exits).
      worker.unref();
      this.slots.push(slot);
    }
    return this.slots;
  }

  /** Replays a batch on the least busy worker: its tally, and its first `list` changed records. */
  replay(plan: ImpactPlan, rows: ImpactRow[], now: Date, list: number): Promise<BatchResult> {
    return this.send(plan, { rows }, now, list);
  }

  /** Has the least busy worker read a part of the window from the store's file itself and replay it. */
  replayPart(plan: ImpactPlan, source: WorkerStoreSource, filter: ImpactPartFilter, now: Date, list: number): Promise<BatchResult> {
    return this.send(plan, { part: { source, filter } }, now, list);
  }

  /** Has every worker close the read handles it opened (at the end of a replay that read parts). */
  release(): void {
    for (const slot of this.slots) slot.worker.postMessage({ release: true } satisfies WorkerRelease);
  }

  private send(plan: ImpactPlan, what: Pick<WorkerJob, 'rows' | 'part'>, now: Date, list: number): Promise<BatchResult> {
    const slots = this.start();
    const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const job = this.nextJob++;
    const known = slot.plans.has(plan.key);
    if (!known) {
      // The worker forgets its plans as this one is added when it keeps PLANS_KEPT already: so does its slot.
      if (slot.plans.size >= PLANS_KEPT) slot.plans.clear();
      slot.plans.add(plan.key);
    }
    const message: WorkerJob = { job, key: plan.key, ...what, now: now.toISOString(), list, ...(known ? {} : { plan }) };
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.pending.set(job, { resolve, reject });
      slot.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
