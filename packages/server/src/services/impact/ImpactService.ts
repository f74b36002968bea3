import type { Pack } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import type { ImpactPartFilter, ImpactPartition, ImpactRow } from '../../store/impactRows.js';
import type { Clock } from '../Clock.js';
import type { DefinitionService } from '../DefinitionService.js';
import { historyFacts } from '../historyFacts.js';
import { recordScope, type Principal } from '../Principal.js';
import { compilePair } from './compilePair.js';
import { draftPack } from './draftPack.js';
import { impactAnswer, type ImpactAnswer } from './ImpactAnswer.js';
import type { ImpactPlan } from './ImpactPlan.js';
import { impactPlans } from './impactPlans.js';
import type { ImpactRequest } from './ImpactRequest.js';
import { ImpactTally } from './ImpactTally.js';
import { impactWindow } from './impactWindow.js';
import type { ImpactWorkerPool } from './ImpactWorkerPool.js';
import type { RecordChange } from './RecordChange.js';
import { recordTitle } from '../recordTitle.js';
import type { PeopleDirectory } from '../people/PeopleDirectory.js';
import { titleNamesPeople } from './titleNamesPeople.js';
import { replayBatch, type BatchResult } from './replayRecord.js';
import type { RecordsRepository } from '../../store/ports/RecordsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = RecordsRepository;

export interface ImpactLimits {
  /** The most records one replay reads (beyond: a 422 asking for a shorter window). */
  maxRecords: number;
  /** Changed records listed in the answer (all are counted). */
  listLimit: number;
  /** From this many records on, the replay runs on the worker pool (below: on the request's thread). */
  poolFrom: number;
  /** Rows read from the store per keyset page, and per batch sent to a worker. */
  pageSize: number;
  batchSize: number;
  /** Rows per part when worker threads read the store themselves (the store port offers it: `impactPartition`). */
  partSize: number;
  /** Read each record whole, not only the fields the policies read (the reference the tests compare the narrow reading with). */
  wholeRecords: boolean;
}

export const DEFAULT_IMPACT_LIMITS: ImpactLimits = {
  maxRecords: 1_000_000,
  listLimit: 200,
  poolFrom: 3_000,
  pageSize: 4_000,
  batchSize: 2_000,
  partSize: 4_000,
  wholeRecords: false,
};

/** A checked impact request, ready to run: what it reads and how. */
export interface PreparedImpact {
  plans: ImpactPlan[];
  packs: Pack[];
  window: { from: string | undefined; to: string };
  now: Date;
  visibleTo: { username: string; stores: string[] } | null;
  total: number;
}

export interface ImpactProgress {
  checked: number;
  total: number;
  changed: number;
}

/**
 * Impact over the stored history: a draft (a rule set, calendar or form draft, or pushed pack files)
 * replayed over the records created in a window within the caller's store scope. Before = the
 * published policy, after = the draft, both evaluated at the instant each record was last evaluated
 * (open deadlines judged late against now). Records are read in keyset pages, never all at once;
 * from `poolFrom` records on, batches go to worker threads (each compiles the policies once), and
 * a cancelled request stops reading and sending at once.
 */
export class ImpactService {
  readonly limits: ImpactLimits;

  constructor(
    private readonly deps: {
      store: StorePorts;
      definitions: DefinitionService;
      clock: Clock;
      people: Pick<PeopleDirectory, 'displayNames'>;
    },
    private readonly pool: ImpactWorkerPool | null,
    limits: Partial<ImpactLimits> = {},
  ) {
    this.limits = { ...DEFAULT_IMPACT_LIMITS, ...limits };
  }

  /** Checks the request (4xx on a bad one), resolves the draft and counts what the replay will read. */
  async prepare(principal: Principal, request: ImpactRequest): Promise<PreparedImpact> {
    const now = this.deps.clock();
    const window = impactWindow(request.since, now);
    const published = await this.deps.definitions.publishedPack();
    const draft = await draftPack(this.deps.definitions, request.draft);
    const plans = impactPlans(published, draft);
    const visibleTo = recordScope(principal);
    let total = 0;
    for (const plan of plans)
      total += await this.deps.store.impactRowCount({ formId: plan.formId, createdFrom: window.from, createdTo: window.to, visibleTo });
    if (total > this.limits.maxRecords)
      throw new DomainError(
        'impact.tooManyRecords',
        { total, max: this.limits.maxRecords },
        { details: [domainDetail('/since', 'impact.atMost', { max: this.limits.maxRecords })] },
      );
    return { plans, packs: [draft, published], window, now, visibleTo, total };
  }

  /** Replays a prepared impact; `signal` stops it (rejects with the signal's reason), `onProgress` after each batch. */
  async run(
    prepared: PreparedImpact,
    options: { signal?: AbortSignal; onProgress?: (progress: ImpactProgress) => void } = {},
  ): Promise<ImpactAnswer> {
    const { signal, onProgress } = options;
    const tally = new ImpactTally(this.limits.listLimit);
    const usePool = this.pool !== null && prepared.total >= this.limits.poolFrom;
    const progress = () => onProgress?.({ checked: tally.checked, total: prepared.total, changed: tally.totals.records });
    const stop = aborted(signal);
    const failed: { error?: Error } = {};
    const take = (result: BatchResult) => {
      tally.merge(result.tally);
      tally.offer(result.listed);
      progress();
    };
    // Newest first: the first batches fill the list of changed records, later ones are only counted.
    const wanted = () => (tally.listFull ? 0 : this.limits.listLimit);
    let retitle = false;
    for (const plan of prepared.plans) {
      const fields = this.limits.wholeRecords ? undefined : plan.fields;
      retitle ||= fields !== undefined || titleNamesPeople(plan.after.form);
      const parallel = usePool && !plan.needsHistory;
      const partition = parallel
        ? await this.deps.store.impactPartition(
            { formId: plan.formId, createdFrom: prepared.window.from, createdTo: prepared.window.to, visibleTo: prepared.visibleTo },
            this.partSize(prepared.total),
          )
        : null;
      if (partition) {
        await this.replayParts(plan, partition, { prepared, fields, wanted, take, signal, stop });
        continue;
      }
      const pair = parallel ? null : compilePair(plan);
      const inFlight = new Set<Promise<void>>();
      let after: [string, string] | undefined;
      for (;;) {
        signal?.throwIfAborted();
        const rows = await this.deps.store.impactRows({
          formId: plan.formId,
          createdFrom: prepared.window.from,
          createdTo: prepared.window.to,
          visibleTo: prepared.visibleTo,
          limit: this.limits.pageSize,
          ...(after ? { after } : {}),
          ...(fields ? { fields } : {}),
        });
        if (rows.length === 0) break;
        const last = rows[rows.length - 1]!;
        after = [last.createdAt, last.id];
        for (let i = 0; i < rows.length; i += this.limits.batchSize) {
          const batch = rows.slice(i, i + this.limits.batchSize);
          if (pair) {
            // The request's thread: a turn for the event loop between batches.
            signal?.throwIfAborted();
            const histories = plan.needsHistory ? await Promise.all(batch.map((row) => this.history(pair, row))) : undefined;
            take(replayBatch(pair, batch, prepared.now, wanted(), histories));
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          const job: Promise<void> = this.pool!.replay(plan, batch, prepared.now, wanted()).then(
            (result) => {
              inFlight.delete(job);
              take(result);
            },
            (error: unknown) => {
              inFlight.delete(job);
              failed.error ??= error instanceof Error ? error : new Error(String(error));
            },
          );
          inFlight.add(job);
          // Keep the workers fed, reading ahead at most two batches per worker.
          while (inFlight.size >= this.pool!.size * 2) await Promise.race([...inFlight, stop]);
          if (failed.error) throw failed.error;
        }
        if (rows.length < this.limits.pageSize) break;
      }
      if (inFlight.size > 0) await Promise.race([Promise.all(inFlight), stop]);
      signal?.throwIfAborted();
      if (failed.error) throw failed.error;
    }
    // Read cut down to the fields the rules read, the listed records are titled from their whole data
    // (and with people's display names: the threads that replay know only their user names).
    if (retitle) await this.retitle(tally.trim(), prepared.plans);
    return impactAnswer(tally, {
      window: prepared.window,
      now: prepared.now,
      packs: prepared.packs,
      formIds: prepared.plans.map((p) => p.formId),
      threads: usePool ? this.pool.size : 1,
    });
  }

  /**
   * Rows per part: `partSize`, or fewer for a smaller window, so that it still makes about eight parts
   * a worker (the work stays spread and a cancelled replay stops reading after the parts in flight).
   */
  private partSize(total: number): number {
    return Math.min(this.limits.partSize, Math.max(500, Math.ceil(total / (this.pool!.size * 8))));
  }

  /**
   * A plan replayed by the workers reading parts of the window from the store's file themselves (at
   * most two parts a worker in flight); the parts' tallies are merged in their order (newest first),
   * so the answer is the one of a replay on one thread, whatever part finishes first.
   */
  private async replayParts(
    plan: ImpactPlan,
    partition: ImpactPartition,
    run: {
      prepared: PreparedImpact;
      fields: string[] | undefined;
      wanted: () => number;
      take: (result: BatchResult) => void;
      signal: AbortSignal | undefined;
      stop: Promise<never>;
    },
  ): Promise<void> {
    const pool = this.pool!;
    const { prepared, fields, signal } = run;
    const results: (BatchResult | null)[] = [];
    let merged = 0;
    const inFlight = new Set<Promise<void>>();
    const failed: { error?: Error } = {};
    try {
      for (const [i, part] of partition.parts.entries()) {
        signal?.throwIfAborted();
        const filter: ImpactPartFilter = {
          formId: plan.formId,
          createdTo: prepared.window.to,
          visibleTo: prepared.visibleTo,
          part,
          ...(prepared.window.from ? { createdFrom: prepared.window.from } : {}),
          ...(fields ? { fields } : {}),
        };
        results.push(null);
        const job: Promise<void> = pool.replayPart(plan, partition.source, filter, prepared.now, run.wanted()).then(
          (result) => {
            inFlight.delete(job);
            results[i] = result;
            for (; merged < results.length && results[merged]; merged++) {
              run.take(results[merged]!);
              results[merged] = null;
            }
          },
          (error: unknown) => {
            inFlight.delete(job);
            failed.error ??= error instanceof Error ? error : new Error(String(error));
          },
        );
        inFlight.add(job);
        while (inFlight.size >= pool.size * 2) await Promise.race([...inFlight, run.stop]);
        if (failed.error) throw failed.error;
      }
      if (inFlight.size > 0) await Promise.race([Promise.all(inFlight), run.stop]);
      signal?.throwIfAborted();
      if (failed.error) throw failed.error;
    } finally {
      pool.release();
    }
  }

  /** The titles of the listed records, from their whole stored data (at most `listLimit` reads). */
  private async retitle(listed: RecordChange[], plans: readonly ImpactPlan[]): Promise<void> {
    const people = await this.deps.people.displayNames();
    for (const change of listed) {
      const plan = plans.find((p) => p.formId === change.formId);
      const record = await this.deps.store.getRecord(change.id);
      if (!plan || !record) continue;
      change.title = recordTitle(plan.after.form, { data: record.data, createdAt: change.createdAt }, plan.timeZone, people);
    }
  }

  /** History facts of both policies for one record, at the instant it was last evaluated. */
  private async history(pair: ReturnType<typeof compilePair>, row: ImpactRow) {
    const record = { id: row.id, data: JSON.parse(row.data) as unknown };
    const at = new Date(row.evaluatedAt);
    const after = await historyFacts(pair.after, this.deps.store, record, at);
    const before = pair.before ? await historyFacts(pair.before, this.deps.store, record, at) : {};
    const merged: Record<string, Record<string, unknown>> = { ...before };
    for (const [ruleSet, facts] of Object.entries(after)) merged[ruleSet] = { ...merged[ruleSet], ...facts };
    return merged;
  }
}

/** A promise that rejects when the signal aborts (never settles without one); marked handled, it is only raced. */
function aborted(signal: AbortSignal | undefined): Promise<never> {
  const promise = new Promise<never>((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
  promise.catch(() => undefined);
  return promise;
}
