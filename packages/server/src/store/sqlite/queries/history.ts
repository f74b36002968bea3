import type Database from 'better-sqlite3';
import type { HistoryAggregate } from '../../paging.js';
import { Conditions, prepared } from './prepared.js';

/** A JSON path of a dotted field name, each name quoted (no operator of the path language can come in). */
export function jsonPath(field: string): string {
  return `$${field
    .split('.')
    .map((name) => `."${name.replaceAll('"', '')}"`)
    .join('')}`;
}

/** One filter as SQL with JavaScript's meaning: `===` for eq/ne (types included), numbers only for lt…gte. */
function condition(where: Conditions, filter: HistoryAggregate['where'][number]): void {
  const path = jsonPath(filter.field);
  const { value } = filter;
  const equal = (): [string, unknown[]] => {
    if (value === undefined) return ['json_type(data, ?) IS NULL', [path]];
    if (value === null) return ["json_type(data, ?) = 'null'", [path]];
    if (typeof value === 'boolean') return ['json_type(data, ?) = ?', [path, value ? 'true' : 'false']];
    if (typeof value === 'number')
      return ["(json_type(data, ?) IN ('integer', 'real') AND json_extract(data, ?) = ?)", [path, path, value]];
    if (typeof value === 'string') return ["(json_type(data, ?) = 'text' AND json_extract(data, ?) = ?)", [path, path, value]];
    // An object or array is never === another value.
    return ['0', []];
  };
  if (filter.op === 'eq' || filter.op === 'ne') {
    const [sql, params] = equal();
    where.add(filter.op === 'eq' ? `coalesce(${sql}, 0)` : `NOT coalesce(${sql}, 0)`, ...params);
    return;
  }
  if (typeof value !== 'number') {
    where.add('0');
    return;
  }
  const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[filter.op];
  where.add(`(json_type(data, ?) IN ('integer', 'real') AND json_extract(data, ?) ${op} ?)`, path, path, value);
}

/** A history fact's count or sum over the form's records in the window: a range walk of records_form_created. */
export function historyAggregate(db: Database.Database, query: HistoryAggregate): number {
  const where = new Conditions();
  where.add('form_id = ?', query.formId);
  where.add('created_at >= ? AND created_at <= ?', query.createdFrom, query.createdTo);
  where.add('id != ?', query.excludeId);
  for (const filter of query.where) condition(where, filter);
  const figure =
    query.aggregate === 'count'
      ? 'COUNT(*)'
      : `coalesce(SUM(CASE WHEN json_type(data, ?) IN ('integer', 'real') THEN json_extract(data, ?) ELSE 0 END), 0)`;
  const sumPath = query.aggregate === 'sum' ? [jsonPath(query.field ?? ''), jsonPath(query.field ?? '')] : [];
  const row = prepared(db, `SELECT ${figure} AS n FROM records ${where.clause()}`).get(...sumPath, ...where.params) as { n: number };
  return Number(row.n);
}
