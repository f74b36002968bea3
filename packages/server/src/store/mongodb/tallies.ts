import type { AnyBulkWriteOperation, ClientSession, Document } from 'mongodb';
import type { DeadlineRow, FineEntry, StoredRecord } from '../types.js';
import type { MongoDatabase } from './MongoDatabase.js';

/**
 * Dashboard and ledger tallies of the MongoDB store, as in SQLite (sqlite/queries/tallies.ts) but kept
 * by the repositories in the writing transaction (MongoDB has no triggers): `$inc` upserts into
 * `complianceTallies`, `recordTallies` and `fineTallies`, for the views of `dashboardViews`
 * (registered by migrations; a dashboard asking for another field reads the rows instead).
 */
export interface DashboardView {
  id: number;
  kind: 'compliance' | 'counts';
  /** '' for compliance over every form. */
  formId: string;
  field: string;
  /** '' when the counts are not split. */
  by: string;
}

export const TALLY_COLLECTIONS = {
  views: 'dashboardViews',
  compliance: 'complianceTallies',
  counts: 'recordTallies',
  fines: 'fineTallies',
};

const CHINA = 8 * 3_600_000;
/** The China-time day of an instant, YYYY-MM-DD. */
export const chinaDay = (iso: string) => new Date(Date.parse(iso) + CHINA).toISOString().slice(0, 10);
/** The China-time month of an instant, YYYY-MM. */
export const chinaMonth = (iso: string) => chinaDay(iso).slice(0, 7);

/** A field's value as the dashboards group it ('' when absent or null, true/false and numbers as text, objects as JSON). */
export function valueText(data: Record<string, unknown>, path: string): string {
  let value: unknown = data;
  for (const name of path.split('.'))
    value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

type Scope = Pick<StoredRecord, 'store' | 'createdBy' | 'assignee'>;
const scopeOf = (r: Scope | null) => ({ store: r?.store ?? '', createdBy: r?.createdBy ?? '', assignee: r?.assignee ?? '' });
const decided = (d: DeadlineRow) => (d.state === 'met' || d.state === 'breached') && d.dueAt !== null;

/** Deltas of a tally collection: key (as JSON) → the key's fields and the amounts to add. */
export class Deltas {
  readonly byKey = new Map<string, { key: Document; inc: Record<string, number> }>();
  add(key: Document, inc: Record<string, number>): void {
    const id = JSON.stringify(key);
    const found = this.byKey.get(id);
    if (!found) this.byKey.set(id, { key, inc: { ...inc } });
    else for (const [name, n] of Object.entries(inc)) found.inc[name] = (found.inc[name] ?? 0) + n;
  }
  /** The amounts as they are (a rebuild: the same result however often it runs). */
  settings(): AnyBulkWriteOperation[] {
    return [...this.byKey.values()]
      .filter(({ inc }) => Object.values(inc).some((n) => n !== 0))
      .map(({ key, inc }) => ({ updateOne: { filter: key, update: { $set: inc }, upsert: true } }));
  }
  operations(): AnyBulkWriteOperation[] {
    return [...this.byKey.values()]
      .filter(({ inc }) => Object.values(inc).some((n) => n !== 0))
      .map(({ key, inc }) => ({ updateOne: { filter: key, update: { $inc: inc }, upsert: true } }));
  }
}

/** What a record contributes to the views: its counts and its decided deadlines' compliance. */
export function recordContribution(
  views: readonly DashboardView[],
  record: StoredRecord,
  deadlines: readonly DeadlineRow[],
  sign: 1 | -1,
  into: { compliance: Deltas; counts: Deltas },
): void {
  const scope = scopeOf(record);
  for (const v of views) {
    if (v.kind === 'counts' && v.formId === record.formId)
      into.counts.add(
        {
          viewId: v.id,
          day: chinaDay(record.createdAt),
          value: valueText(record.data, v.field),
          split: v.by ? valueText(record.data, v.by) : '',
          ...scope,
        },
        { n: sign },
      );
    if (v.kind === 'compliance' && (v.formId === '' || v.formId === record.formId))
      for (const d of deadlines.filter(decided))
        into.compliance.add(
          { viewId: v.id, day: chinaDay(d.dueAt!), state: d.state, grp: valueText(record.data, v.field), ...scope },
          { n: sign },
        );
  }
}

/** What fines contribute to the ledger tallies, with their record's scope. */
export function fineContribution(fine: FineEntry, record: Scope | null, sign: 1 | -1, into: Deltas): void {
  into.add(
    { month: chinaMonth(fine.postedAt), formId: fine.formId, person: fine.person ?? '', payerRole: fine.payerRole, ...scopeOf(record) },
    { rows: sign, n: fine.origin === 'reversal' ? 0 : sign, cents: sign * Math.round(fine.amount * 100) },
  );
}

export class MongoTallies {
  private views: Promise<DashboardView[]> | null = null;

  constructor(private readonly database: MongoDatabase) {}

  /** The registered views (they change only by migration: read once). */
  registered(): Promise<DashboardView[]> {
    this.views ??= this.database
      .col(TALLY_COLLECTIONS.views)
      .find({}, { projection: { _id: 0 } })
      .toArray() as unknown as Promise<DashboardView[]>;
    return this.views;
  }

  async view(kind: DashboardView['kind'], formId: string, field: string, by = ''): Promise<DashboardView | null> {
    return (await this.registered()).find((v) => v.kind === kind && v.formId === formId && v.field === field && v.by === by) ?? null;
  }

  private decidedOf(recordId: string, session: ClientSession): Promise<DeadlineRow[]> {
    return this.database
      .col('deadlines')
      .find({ recordId, state: { $in: ['met', 'breached'] } }, { session, projection: { _id: 0 } })
      .toArray() as unknown as Promise<DeadlineRow[]>;
  }

  /** Before a record write: what the record counts now (null for a new record). */
  async before(previous: StoredRecord | null, session: ClientSession) {
    return previous ? { record: previous, deadlines: await this.decidedOf(previous.id, session) } : null;
  }

  /** After a record write (its deadlines rewritten): the differences, applied in the same transaction; fines follow a scope change. */
  async recordWritten(
    before: { record: StoredRecord; deadlines: DeadlineRow[] } | null,
    record: StoredRecord,
    session: ClientSession,
  ): Promise<void> {
    const views = await this.registered();
    const into = { compliance: new Deltas(), counts: new Deltas() };
    if (before) recordContribution(views, before.record, before.deadlines, -1, into);
    recordContribution(views, record, await this.decidedOf(record.id, session), 1, into);
    const fines = new Deltas();
    const old = before?.record;
    if (old && (old.store !== record.store || old.assignee !== record.assignee))
      for (const f of (await this.database
        .col('fines')
        .find({ recordId: record.id }, { session, projection: { _id: 0 } })
        .toArray()) as unknown as FineEntry[]) {
        fineContribution(f, old, -1, fines);
        fineContribution(f, record, 1, fines);
      }
    await this.apply({ ...into, fines }, session);
  }

  /** Open deadlines that became breached: their compliance, with their records. */
  async deadlinesBreached(rows: readonly DeadlineRow[], session: ClientSession): Promise<void> {
    if (rows.length === 0) return;
    const views = await this.registered();
    if (!views.some((v) => v.kind === 'compliance')) return;
    const records = await this.recordsOf(
      rows.map((r) => r.recordId),
      session,
    );
    const into = { compliance: new Deltas(), counts: new Deltas() };
    for (const row of rows) {
      const record = records.get(row.recordId);
      if (record) recordContribution(views, record, [{ ...row, state: 'breached' }], 1, into);
    }
    await this.apply({ compliance: into.compliance }, session);
  }

  /** Fines posted now: the ledger tallies, with their records' scope. */
  async finesPosted(posted: readonly FineEntry[], session: ClientSession): Promise<void> {
    if (posted.length === 0) return;
    const records = await this.recordsOf(
      posted.map((f) => f.recordId),
      session,
    );
    const fines = new Deltas();
    for (const f of posted) fineContribution(f, records.get(f.recordId) ?? null, 1, fines);
    await this.apply({ fines }, session);
  }

  private async recordsOf(ids: string[], session: ClientSession): Promise<Map<string, StoredRecord>> {
    const docs = (await this.database
      .col('records')
      .find(
        { id: { $in: [...new Set(ids)] } },
        { session, projection: { _id: 0, id: 1, formId: 1, data: 1, store: 1, createdBy: 1, assignee: 1, createdAt: 1 } },
      )
      .toArray()) as unknown as StoredRecord[];
    return new Map(docs.map((d) => [d.id, d]));
  }

  private async apply(deltas: { compliance?: Deltas; counts?: Deltas; fines?: Deltas }, session: ClientSession): Promise<void> {
    for (const [name, collection] of [
      ['compliance', TALLY_COLLECTIONS.compliance],
      ['counts', TALLY_COLLECTIONS.counts],
      ['fines', TALLY_COLLECTIONS.fines],
    ] as const) {
      const operations = deltas[name]?.operations() ?? [];
      if (operations.length > 0) await this.database.col(collection).bulkWrite(operations, { session, ordered: true });
    }
  }
}
