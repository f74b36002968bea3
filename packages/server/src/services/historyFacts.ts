import { resolveFieldPath, type HistoryFact, type Policy } from '@aftersales/engine';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';
import { linkedFactValues } from './records/linkedFacts.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = RecordsRepository;

/**
 * The values of the history facts a policy declares (e.g. P3: discounted quotes by this advisor
 * this week), computed from stored records, and of its linked facts (the linked record's values);
 * by rule set id, then fact name.
 */
export async function historyFacts(
  policy: Policy,
  store: StorePorts,
  record: { id: string; data: unknown },
  now: Date,
): Promise<Record<string, Record<string, unknown>>> {
  const result: Record<string, Record<string, unknown>> = policy.linkedFacts.length > 0
    ? await linkedFactValues(policy, store, record.data)
    : {};
  for (const { ruleSet, name, fact } of policy.historyFacts) {
    (result[ruleSet] ??= {})[name] = await compute(fact, policy, store, record, now);
  }
  return result;
}

/**
 * One fact: the stored records of the window are counted (or summed) by the database, every one of
 * them; the record being evaluated is added with its new data when it matches (includeSelf).
 */
async function compute(
  fact: HistoryFact,
  policy: Policy,
  store: StorePorts,
  record: { id: string; data: unknown },
  now: Date,
): Promise<number> {
  const { query } = fact;
  const formId = query.form ?? policy.form.id;
  const since = windowStart(query.window, now);
  const where = (query.where ?? []).map((filter) => ({
    field: filter.field,
    op: filter.op,
    value: isFactRef(filter.value) ? resolveFieldPath(record.data, filter.value.fact) : filter.value,
  }));
  const stored = await store.historyAggregate({
    formId,
    createdFrom: since.toISOString(),
    createdTo: now.toISOString(),
    excludeId: record.id,
    where,
    aggregate: query.aggregate,
    ...(query.field ? { field: query.field } : {}),
  });
  const self =
    query.includeSelf !== false &&
    formId === policy.form.id &&
    where.every((f) => compare(resolveFieldPath(record.data, f.field), f.op, f.value))
      ? record.data
      : undefined;
  if (self === undefined) return stored;
  if (query.aggregate === 'count') return stored + 1;
  const value = resolveFieldPath(self, query.field ?? '');
  return stored + (typeof value === 'number' ? value : 0);
}

/** Start of the current calendar week (Monday) or month in Asia/Shanghai, or N days back. */
function windowStart(window: HistoryFact['query']['window'], now: Date): Date {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const midnight = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3_600_000;
  if (window.unit === 'days') return new Date(now.getTime() - (window.amount ?? 1) * 86_400_000);
  if (window.unit === 'month') return new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), 1) - 8 * 3_600_000);
  const weekday = (shanghai.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(midnight - weekday * 86_400_000);
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    default: {
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      return op === 'lt' ? actual < expected : op === 'lte' ? actual <= expected : op === 'gt' ? actual > expected : actual >= expected;
    }
  }
}

function isFactRef(value: unknown): value is { fact: string } {
  return value !== null && typeof value === 'object' && typeof (value as { fact?: unknown }).fact === 'string';
}
