import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import { FIELD_PATH } from '../store/paging.js';
import type { RecordFilter } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { DeadlinesRepository } from '../store/ports/DeadlinesRepository.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';
import type { FinesRepository } from '../store/ports/FinesRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = DeadlinesRepository & RecordsRepository & FinesRepository;

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

type Scope = RecordFilter['visibleTo'];

/** Monday 00:00 China time of the week `iso` falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - sinceMonday)).toISOString().slice(0, 10);
}

/** Figures for the managers' dashboards, counted and summed by the database (any adapter), never capped. */
export class Dashboard {
  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
  ) {}

  /** Deadlines due in each of the last `weeks` weeks, met and breached, per value of a record field (e.g. zone, technician). */
  async deadlineCompliance(options: { groupBy: string; weeks: number; formId?: string; scope?: Scope }) {
    checkField('groupBy', options.groupBy);
    const now = this.clock();
    const weeks: string[] = [];
    for (let i = options.weeks - 1; i >= 0; i--) weeks.push(weekOf(new Date(now.getTime() - i * 7 * DAY).toISOString()));
    const counts = await this.store.complianceCounts({
      groupBy: options.groupBy,
      dueFrom: new Date(Date.parse(`${weeks[0]!}T00:00:00.000Z`) - CHINA).toISOString(),
      dueTo: now.toISOString(),
      ...(options.formId ? { formId: options.formId } : {}),
      ...(options.scope ? { visibleTo: options.scope } : {}),
    });
    const groups = new Map<string, { met: number[]; breached: number[] }>();
    for (const { group, week, state, count } of counts) {
      const series = groups.get(group) ?? { met: weeks.map(() => 0), breached: weeks.map(() => 0) };
      const at = weeks.indexOf(week);
      if (at >= 0) series[state][at]! += count;
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

  /** Fines per month (China time) for the last `months` months: count and total, summed by the database. */
  async finesPerMonth(options: { months: number; scope?: Scope }) {
    const now = new Date(this.clock().getTime() + CHINA);
    const months: string[] = [];
    for (let i = options.months - 1; i >= 0; i--)
      months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
    const { lines } = await this.store.fineTotals({
      postedFrom: new Date(Date.parse(`${months[0]!}-01T00:00:00.000Z`) - CHINA).toISOString(),
      ...(options.scope ? { visibleTo: options.scope } : {}),
    });
    return {
      months,
      count: months.map((m) => lines.filter((l) => l.month === m).reduce((s, l) => s + l.count, 0)),
      total: months.map((m) => Math.round(lines.filter((l) => l.month === m).reduce((s, l) => s + l.total, 0) * 100) / 100),
    };
  }

  /** How many records of a form have each value of a field, optionally split by a second field (e.g. complaints by category and severity). */
  async counts(options: { formId: string; field: string; by?: string; from?: string; scope?: Scope }) {
    checkField('field', options.field);
    if (options.by !== undefined) checkField('by', options.by);
    const rows = await this.store.recordCounts({
      formId: options.formId,
      field: options.field,
      ...(options.by ? { by: options.by } : {}),
      ...(options.from ? { createdFrom: options.from } : {}),
      ...(options.scope ? { visibleTo: options.scope } : {}),
    });
    const counts: Record<string, Record<string, number>> = {};
    let total = 0;
    for (const { value, split, count } of rows) {
      const row = (counts[value] ??= {});
      row[split] = (row[split] ?? 0) + count;
      total += count;
    }
    return { total, counts };
  }
}

/** A field path the dashboards read: plain names with dots (anything else is a 400, never SQL). */
function checkField(name: string, path: string): void {
  if (!FIELD_PATH.test(path) || path.length > 200)
    throw new DomainError('query.notAField', { name }, { details: [domainDetail(`/query/${name}`, 'detail.fieldPath', {}, 'fieldPath')] });
}
