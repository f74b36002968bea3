import type { KeysetPage } from '../paging.js';
import { cappedCount, Conditions } from './queries/prepared.js';
import type { Row } from './rows.js';
import type { SqliteDatabase } from './SqliteDatabase.js';
import type { Where } from './where.js';

/**
 * One page: the rows after the cursor (one more than the limit, to know whether more follow) and the
 * filter's total, counted up to COUNT_CAP (by `counted`, the same filter written for counting, when given).
 */
export function keysetPage<T>(
  database: SqliteDatabase,
  where: Where,
  table: string,
  order: string,
  filter: { limit: number },
  map: (row: Row) => T,
  withCursor: () => Where,
  counted: Where = where,
): KeysetPage<T> {
  // Counted no further than COUNT_CAP rows: a page of a big list costs a bounded index walk.
  const { total, capped } = cappedCount(database.db, table, new Conditions(counted.parts, counted.params));
  const paged = withCursor();
  const rows = database
    .stmt(`SELECT * FROM ${table} ${paged.clause()} ORDER BY ${order} LIMIT ?`)
    .all(...paged.params, filter.limit + 1) as Row[];
  return { items: rows.slice(0, filter.limit).map(map), more: rows.length > filter.limit, total, capped };
}
