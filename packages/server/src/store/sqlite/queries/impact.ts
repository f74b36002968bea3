import type Database from 'better-sqlite3';
import type { ImpactPart, ImpactPartFilter, ImpactPartRow, ImpactRow, ImpactRowFilter } from '../../impactRows.js';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * The window, scope and keyset bounds of an impact read. A key [created_at, id] bounds the rows in
 * the order newest first: `after` (rows before it, exclusive) and `last` (rows down to it,
 * inclusive). A key replaces the window's bound on that side (it lies within the window), so that
 * the index range starts at the key: with both bounds SQLite ranges over one only and filters every
 * newer row of the window out again (a page far into the window read them all).
 */
function where(
  filter: Omit<ImpactRowFilter, 'limit' | 'after'>,
  keys: { after?: readonly [string, string] | undefined; last?: readonly [string, string] | undefined } = {},
): { clause: string; params: unknown[] } {
  const parts = ['form_id = ?'];
  const params: unknown[] = [filter.formId];
  if (keys.after) {
    parts.push('created_at <= ?', '(created_at < ? OR (created_at = ? AND id < ?))');
    params.push(keys.after[0], keys.after[0], keys.after[0], keys.after[1]);
  } else {
    parts.push('created_at < ?');
    params.push(filter.createdTo);
  }
  if (keys.last) {
    parts.push('created_at >= ?', '(created_at > ? OR (created_at = ? AND id >= ?))');
    params.push(keys.last[0], keys.last[0], keys.last[0], keys.last[1]);
  } else if (filter.createdFrom) {
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
  const { clause, params } = where(filter, { after: filter.after });
  const data = dataColumn(filter.fields);
  const rows = prepared(
    db,
    `SELECT id, form_id, status, store, assignee, created_by, created_at, updated_at, ${data.sql} AS data FROM records
     WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(...data.params, ...params, filter.limit) as Record<string, string | null>[];
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

/**
 * The window cut into parts of `rowsPerPart` rows, newest first: the key of each part's last row
 * found by stepping through the index records_form_created alone (OFFSET over index entries, no row
 * read). The store scope is left to the readers of the parts (a scoped part may hold fewer rows).
 */
export function impactParts(
  db: Database.Database,
  filter: Omit<ImpactRowFilter, 'limit' | 'after' | 'fields'>,
  rowsPerPart: number,
): ImpactPart[] {
  const step = Math.max(1, Math.floor(rowsPerPart));
  const parts: ImpactPart[] = [];
  let after: [string, string] | undefined;
  for (;;) {
    const { clause, params } = where({ ...filter, visibleTo: null }, { after });
    const row = prepared(db, `SELECT created_at, id FROM records WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?`).get(
      ...params,
      step - 1,
    ) as { created_at: string; id: string } | undefined;
    if (!row) break;
    const last: [string, string] = [row.created_at, row.id];
    parts.push(after ? { after, last } : { last });
    after = last;
  }
  parts.push(after ? { after } : {});
  return parts;
}

/** The columns of one top-level field as JSON text (NULL when the record has no such field). */
const fieldPath = (field: string) => `$."${field}"`;

/**
 * A reader of impact parts on its own read-only handle (a worker thread's): one statement per part,
 * rows as arrays, each asked-for field read as JSON text of its own (the record's whole JSON does not
 * cross into JavaScript), the data object built here with a missing field absent (as in the record).
 */
export function impactPartRows(db: Database.Database, filter: ImpactPartFilter): ImpactPartRow[] {
  const { after, last } = filter.part;
  const { clause, params } = where(filter, { after, last });
  const fields =
    filter.fields && filter.fields.length <= MAX_FIELDS && !filter.fields.some((f) => /["\\]/.test(f)) ? filter.fields : undefined;
  const dataSql = fields ? fields.map(() => 'data -> ?').join(', ') || 'NULL' : 'data';
  const statement = prepared(
    db,
    `SELECT id, status, store, assignee, created_at, updated_at, ${dataSql} FROM records
     WHERE ${clause} ORDER BY created_at DESC, id DESC`,
  );
  const rows = statement.raw(true).all(...(fields ? fields.map(fieldPath) : []), ...params) as (string | null)[][];
  const formId = filter.formId;
  const out = new Array<ImpactPartRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let data: Record<string, unknown>;
    if (fields) {
      data = {};
      for (let f = 0; f < fields.length; f++) {
        const value = r[6 + f];
        if (value !== null && value !== undefined) data[fields[f]!] = JSON.parse(value);
      }
    } else data = JSON.parse(r[6]!) as Record<string, unknown>;
    out[i] = {
      id: r[0]!,
      formId,
      status: r[1] ?? null,
      store: r[2] ?? null,
      assignee: r[3] ?? null,
      createdAt: r[4]!,
      evaluatedAt: r[5]!,
      data,
    };
  }
  return out;
}
