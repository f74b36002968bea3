import { resolveFieldPath } from '@aftersales/engine';
import type { Store } from '../store/Store.js';
import type { RecordFilter, StoredRecord } from '../store/types.js';
import type { Clock } from './Clock.js';
import { ledgerSummary } from './FinesLedger.js';
import { recordsInScope } from './Principal.js';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;
/** The most records one chart reads (the embedded store's whole history for a store or two). */
const MAX_RECORDS = 20_000;

type Scope = RecordFilter['visibleTo'];

/** Monday 00:00 China time of the week `iso` falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}

const valueAt = (data: unknown, field: string): string => {
  const value = resolveFieldPath(data, field);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
};

/** Figures for the managers' dashboards, computed from the store (any adapter). */
export class Dashboard {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Deadlines due in each of the last `weeks` weeks, met and breached, per value of a record field (e.g. zone, technician). */
  async deadlineCompliance(options: { groupBy: string; weeks: number; formId?: string; scope?: Scope }) {
    const now = this.clock();
    const weeks: string[] = [];
    for (let i = options.weeks - 1; i >= 0; i--) weeks.push(weekOf(new Date(now.getTime() - i * 7 * DAY).toISOString()));
    const first = weeks[0]!;
    const rows = (await this.store.listDeadlines(options.formId ? { formId: options.formId } : {})).filter(
      (d) => d.dueAt !== null && d.state !== 'open' && d.dueAt <= now.toISOString() && weekOf(d.dueAt) >= first,
    );
    const records = await recordsInScope(
      this.store,
      rows.map((d) => d.recordId),
      options.scope ?? null,
    );
    const groups = new Map<string, { met: number[]; breached: number[] }>();
    for (const row of rows) {
      const record = records.get(row.recordId);
      if (!record) continue;
      const group = valueAt(record.data, options.groupBy);
      const series = groups.get(group) ?? { met: weeks.map(() => 0), breached: weeks.map(() => 0) };
      series[row.state === 'met' ? 'met' : 'breached'][weeks.indexOf(weekOf(row.dueAt!))]! += 1;
      groups.set(group, series);
    }
    return {
      weeks,
      series: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([group, { met, breached }]) => ({
          group,
          met,
          breached,
          rate: met.map((m, i) => (m + breached[i]! === 0 ? null : Math.round((m / (m + breached[i]!)) * 1000) / 10)),
        })),
    };
  }

  /** Fines per month (China time) for the last `months` months: count and total. */
  async finesPerMonth(options: { months: number; scope?: Scope }) {
    const now = new Date(this.clock().getTime() + CHINA);
    const months: string[] = [];
    for (let i = options.months - 1; i >= 0; i--)
      months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
    let fines = await this.store.listFines({});
    if (options.scope) {
      const records = await recordsInScope(
        this.store,
        fines.map((f) => f.recordId),
        options.scope,
      );
      fines = fines.filter((f) => records.has(f.recordId));
    }
    const { lines } = ledgerSummary(fines);
    return {
      months,
      count: months.map((m) => lines.filter((l) => l.month === m).reduce((s, l) => s + l.count, 0)),
      total: months.map((m) => Math.round(lines.filter((l) => l.month === m).reduce((s, l) => s + l.total, 0) * 100) / 100),
    };
  }

  /** How many records of a form have each value of a field, optionally split by a second field (e.g. complaints by category and severity). */
  async counts(options: { formId: string; field: string; by?: string; from?: string; scope?: Scope }) {
    const counts: Record<string, Record<string, number>> = {};
    let total = 0;
    for await (const record of this.records(
      { formId: options.formId, ...(options.from ? { createdFrom: options.from } : {}) },
      options.scope,
    )) {
      const value = valueAt(record.data, options.field);
      const split = options.by ? valueAt(record.data, options.by) : '';
      const row = (counts[value] ??= {});
      row[split] = (row[split] ?? 0) + 1;
      total += 1;
    }
    return { total, counts };
  }

  private async *records(filter: Omit<RecordFilter, 'limit' | 'offset'>, scope: Scope): AsyncGenerator<StoredRecord> {
    for (let offset = 0; offset < MAX_RECORDS; offset += 500) {
      const page = await this.store.listRecords({ ...filter, ...(scope ? { visibleTo: scope } : {}), limit: 500, offset });
      yield* page.items;
      if (page.items.length < 500) return;
    }
  }
}
