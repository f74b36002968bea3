import type { KeysetPage } from '../paging.js';
import type { Row } from './rows.js';
import type { SqliteDatabase } from './SqliteDatabase.js';
import type { Where } from './where.js';

/** One page: the rows after the cursor (one more than the limit, to know whether more follow) and the filter's total. */
export function keysetPage<T>(
  database: SqliteDatabase,
  where: Where,
  table: string,
  order: string,
  filter: { limit: number },
  map: (row: Row) => T,
  withCursor: () => Where,
): KeysetPage<T> {
  const total = Number((database.stmt(`SELECT COUNT(*) AS n FROM ${table} ${where.clause()}`).get(...where.params) as Row).n);
  const paged = withCursor();
  const rows = database
    .stmt(`SELECT * FROM ${table} ${paged.clause()} ORDER BY ${order} LIMIT ?`)
    .all(...paged.params, filter.limit + 1) as Row[];
  return { items: rows.slice(0, filter.limit).map(map), more: rows.length > filter.limit, total };
}
