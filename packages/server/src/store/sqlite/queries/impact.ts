import type Database from 'better-sqlite3';
import type { ImpactRow, ImpactRowFilter } from '../../impactRows.js';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

function where(filter: Omit<ImpactRowFilter, 'limit' | 'after'>): { clause: string; params: unknown[] } {
  const parts = ['form_id = ?', 'created_at < ?'];
  const params: unknown[] = [filter.formId, filter.createdTo];
  if (filter.createdFrom) {
    parts.push('created_at >= ?');
    params.push(filter.createdFrom);
  }
  if (filter.visibleTo) {
    const { username, stores } = filter.visibleTo;
    const inStores = stores.length > 0 ? ` OR store IN (${stores.map(() => '?').join(', ')})` : '';
    parts.push(`(created_by = ? OR assignee = ?${inStores})`);
    params.push(username, username, ...stores);
  }
  return { clause: parts.join(' AND '), params };
}

/** SQLite's function arguments are limited (127 by default): more fields than this read the whole data. */
const MAX_FIELDS = 60;

/**
 * The data column, or only some of its top-level fields as a JSON object of their own (names and
 * paths bound as parameters; a name a JSON path cannot quote simply reads the whole data).
 */
function dataColumn(fields: readonly string[] | undefined): { sql: string; params: string[] } {
  if (!fields || fields.length > MAX_FIELDS || fields.some((f) => /["\\]/.test(f))) return { sql: 'data', params: [] };
  if (fields.length === 0) return { sql: "'{}'", params: [] };
  return {
    sql: `json_object(${fields.map(() => '?, data -> ?').join(', ')})`,
    params: fields.flatMap((f) => [f, `$."${f}"`]),
  };
}

/** One keyset page of the records an impact replay reads (newest first), on the index records_form_created. */
export function impactRows(db: Database.Database, filter: ImpactRowFilter): ImpactRow[] {
  const { clause, params } = where(filter);
  const keyset = filter.after ? ' AND (created_at < ? OR (created_at = ? AND id < ?))' : '';
  const data = dataColumn(filter.fields);
  const rows = prepared(
    db,
    `SELECT id, form_id, status, store, assignee, created_by, created_at, updated_at, ${data.sql} AS data FROM records
     WHERE ${clause}${keyset} ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(...data.params, ...params, ...(filter.after ? [filter.after[0], filter.after[0], filter.after[1]] : []), filter.limit) as Record<
    string,
    string | null
  >[];
  return rows.map((r) => ({
    id: r.id!,
    formId: r.form_id!,
    status: r.status ?? null,
    store: r.store ?? null,
    assignee: r.assignee ?? null,
    createdBy: r.created_by!,
    createdAt: r.created_at!,
    evaluatedAt: r.updated_at!,
    data: r.data!,
  }));
}

/** How many records an impact replay would read. */
export function impactRowCount(db: Database.Database, filter: Omit<ImpactRowFilter, 'limit' | 'after'>): number {
  const { clause, params } = where(filter);
  return Number((prepared(db, `SELECT COUNT(*) AS n FROM records WHERE ${clause}`).get(...params) as { n: number }).n);
}
