import type Database from 'better-sqlite3';
import { searchWords, type CappedPage, type RecordPageFilter } from '../../paging.js';
import type { RecordFilter } from '../../types.js';
import { cappedCount, Conditions, COUNT_CAP, prepared } from './prepared.js';

type Row = Record<string, unknown>;

/**
 * Search of records: two contentless FTS5 indexes of each record's short text values (up to 64
 * characters: ticket no., phone, names, technician, address) with its store and assignee, kept in
 * step by triggers in the record write's own transaction. `records_search` (trigram tokenizer) finds
 * any substring of 3 characters or more, Chinese included; `records_words` (unicode61, prefix
 * indexes of 1 and 2 characters) finds words that start with 1–2 characters, since a trigram index
 * cannot look up shorter text. Rows are the records' rowids (the records table is never VACUUMed).
 */
export const RECORD_SEARCH = `
CREATE VIRTUAL TABLE IF NOT EXISTS records_search USING fts5(text, tokenize = 'trigram', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE IF NOT EXISTS records_words USING fts5(text, tokenize = 'unicode61', prefix = '1 2', content = '', contentless_delete = 1);
CREATE TRIGGER IF NOT EXISTS records_search_insert AFTER INSERT ON records BEGIN
  INSERT INTO records_search (rowid, text) VALUES (NEW.rowid, ${searchText('NEW')});
  INSERT INTO records_words (rowid, text) VALUES (NEW.rowid, ${searchText('NEW')});
END;
CREATE TRIGGER IF NOT EXISTS records_search_update AFTER UPDATE OF data, store, assignee ON records BEGIN
  DELETE FROM records_search WHERE rowid = OLD.rowid;
  DELETE FROM records_words WHERE rowid = OLD.rowid;
  INSERT INTO records_search (rowid, text) VALUES (NEW.rowid, ${searchText('NEW')});
  INSERT INTO records_words (rowid, text) VALUES (NEW.rowid, ${searchText('NEW')});
END;
CREATE TRIGGER IF NOT EXISTS records_search_delete AFTER DELETE ON records BEGIN
  DELETE FROM records_search WHERE rowid = OLD.rowid;
  DELETE FROM records_words WHERE rowid = OLD.rowid;
END;
`;

function searchText(row: string): string {
  return `coalesce((SELECT group_concat(value, ' ') FROM json_tree(${row}.data) WHERE type = 'text' AND length(value) <= 64), '') || ' ' || coalesce(${row}.store, '') || ' ' || coalesce(${row}.assignee, '')`;
}

/** Creates the search indexes and, on a database from before them, fills them from the records once. */
export function ensureRecordSearch(db: Database.Database): void {
  const existed = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'records_search'").get() as { n: number }).n > 0;
  db.exec(RECORD_SEARCH);
  if (existed) return;
  db.transaction(() => {
    db.exec(`INSERT INTO records_search (rowid, text) SELECT rowid, ${searchText('records')} FROM records`);
    db.exec(`INSERT INTO records_words (rowid, text) SELECT rowid, ${searchText('records')} FROM records`);
  })();
}

/**
 * Indexes for search the records after `afterRowid` that the index lacks (a bulk load writes records
 * with the insert trigger dropped, then indexes them in one statement: several times faster).
 */
export function fillRecordSearch(db: Database.Database, afterRowid: number): void {
  for (const table of ['records_search', 'records_words'])
    db.prepare(
      `INSERT INTO ${table} (rowid, text) SELECT rowid, ${searchText('records')} FROM records
       WHERE rowid > ? AND rowid NOT IN (SELECT rowid FROM ${table} WHERE rowid > ?)`,
    ).run(afterRowid, afterRowid);
}

const SEARCH_TABLES = ['records_search', 'records_words'] as const;

/**
 * Merges up to `pages` pages of each search index's segments; true when there was work. The indexes
 * do not merge as records are written (automerge 0, migration 0010): a merge there grew with the
 * index (at 100,000 records it was a seventh of a record write's CPU). The clock merges instead.
 */
export function mergeRecordSearch(db: Database.Database, pages: number): boolean {
  let worked = false;
  const changes = () => prepared(db, 'SELECT total_changes() AS n').get() as { n: number };
  for (const table of SEARCH_TABLES) {
    const before = changes().n;
    prepared(db, `INSERT INTO ${table} (${table}, rank) VALUES ('merge', ?)`).run(pages);
    // FTS5: fewer than 2 changes means the merge found nothing to do.
    if (changes().n - before >= 2) worked = true;
  }
  return worked;
}

/** Merges each search index into one segment (after a bulk load). */
export function optimizeRecordSearch(db: Database.Database): void {
  for (const table of SEARCH_TABLES) db.prepare(`INSERT INTO ${table} (${table}) VALUES ('optimize')`).run();
}

/** The FTS5 query of one search word: a quoted phrase (no operators from the user), a prefix for 1–2 characters. */
function matchOf(word: string): { table: 'records_search' | 'records_words'; query: string } {
  const quoted = `"${word.replaceAll('"', '""')}"`;
  return [...word].length >= 3 ? { table: 'records_search', query: quoted } : { table: 'records_words', query: `${quoted}*` };
}

/**
 * How a search's matches meet the other filters. `lookup`: the rarest word's matches are looked up
 * one by one and sorted (few matches); `walk`: the records are walked newest first through their
 * index and each is checked against the matches (common words: a 1-character surname matches a
 * tenth of the store, and a page is found after a few hundred records instead of sorting them all).
 */
type SearchPlan = 'lookup' | 'walk';

/** Above this many matches of its rarest word, a search page walks the records (see SearchPlan). */
const WALK_ABOVE = 1_000;

/** How many rows match one word in its index, counted no further than `cap`. */
function matchCount(db: Database.Database, word: string, cap: number): number {
  const { table, query } = matchOf(word);
  return Number(
    (prepared(db, `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`).get(query, cap) as Row).n,
  );
}

/** Every filter of a record list as SQL over `records` (each served by an index; see INDEXES). */
export function recordConditions(
  filter: Omit<RecordPageFilter, 'limit' | 'after'> & Pick<RecordFilter, 'createdBy'>,
  plan: SearchPlan = 'lookup',
): Conditions {
  const where = new Conditions();
  if (filter.formId) where.add('form_id = ?', filter.formId);
  if (filter.createdBy) where.add('created_by = ?', filter.createdBy);
  if (filter.person) where.add('(created_by = ? OR assignee = ?)', filter.person, filter.person);
  if (filter.visibleTo) {
    const { username, stores } = filter.visibleTo;
    where.add(
      `(created_by = ? OR assignee = ?${stores.length > 0 ? ` OR store IN (${stores.map(() => '?').join(', ')})` : ''})`,
      username,
      username,
      ...stores,
    );
  }
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.assignee) where.add('assignee = ?', filter.assignee);
  if (filter.store) where.add('store = ?', filter.store);
  if (filter.createdFrom) where.add('created_at >= ?', filter.createdFrom);
  if (filter.createdTo) where.add('created_at <= ?', filter.createdTo);
  if (filter.dataRange) {
    const { field, kind, from, to } = filter.dataRange;
    // Values may carry any offset: date-times compare as instants (julianday reads the offset), dates as text.
    const value = kind === 'date' ? 'json_extract(data, ?)' : 'julianday(json_extract(data, ?))';
    const bound = kind === 'date' ? '?' : 'julianday(?)';
    where.add(`${value} IS NOT NULL`, `$.${field}`);
    if (from) where.add(`${value} >= ${bound}`, `$.${field}`, from);
    if (to) where.add(`${value} <= ${bound}`, `$.${field}`, to);
  }
  // A probe of deadlines_record_state per record walked (the walk stays in created order).
  if (filter.deadlineState)
    where.add('EXISTS (SELECT 1 FROM deadlines d WHERE d.record_id = records.id AND d.state = ?)', filter.deadlineState);
  // `+rowid` keeps SQLite from driving the query by the matches' rowids: it walks an index instead.
  for (const word of searchWords(filter.search)) {
    const { table, query } = matchOf(word);
    where.add(`${plan === 'walk' ? '+' : ''}records.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`, query);
  }
  return where;
}

/**
 * A list's capped total and its search plan (a walk when even the rarest word matches many records).
 * A search word alone is counted once, in its index: that count is the total and decides the plan.
 */
function countAndPlan(db: Database.Database, filter: Omit<RecordPageFilter, 'limit' | 'after'>) {
  const words = searchWords(filter.search);
  const where = recordConditions(filter);
  const alone = words.length === 1 && where.parts.length === 1 ? matchCount(db, words[0]!, COUNT_CAP + 1) : null;
  const { total, capped } =
    alone === null ? cappedCount(db, 'records', where) : { total: Math.min(alone, COUNT_CAP), capped: alone > COUNT_CAP };
  const rarest = words.length === 0 ? 0 : (alone ?? Math.min(...words.map((w) => matchCount(db, w, WALK_ABOVE + 1))));
  const plan: SearchPlan = rarest > WALK_ABOVE ? 'walk' : 'lookup';
  return { total, capped, plan };
}

/** The rows after a keyset cursor, as a row value: a range of the (…, created_at, id) index, not a walk from its newest end. */
const afterCursor = (where: Conditions, after: [string, string] | undefined) =>
  after ? where.with('(created_at, id) < (?, ?)', after[0], after[1]) : where;

/** The columns of a record but its evaluation: what a list shows. */
const HEADER_COLUMNS =
  'id, form_id, form_version, rule_set_versions, status, data, store, assignee, created_by, created_at, updated_at, rev';

/** A keyset page of records (without their evaluations), newest first, with a count capped at COUNT_CAP. */
export function pageRecords(db: Database.Database, filter: RecordPageFilter): CappedPage<Row> {
  const { total, capped, plan } = countAndPlan(db, filter);
  const paged = afterCursor(recordConditions(filter, plan), filter.after);
  const rows = prepared(db, `SELECT ${HEADER_COLUMNS} FROM records ${paged.clause()} ORDER BY created_at DESC, id DESC LIMIT ?`).all(
    ...paged.params,
    filter.limit + 1,
  ) as Row[];
  return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, total, capped };
}

/** The store port's listRecords: the same filters, an exact total, a cursor or an offset. */
export function listRecords(db: Database.Database, filter: RecordFilter): { rows: Row[]; total: number } {
  const where = recordConditions(filter);
  const total = Number((prepared(db, `SELECT COUNT(*) AS n FROM records ${where.clause()}`).get(...where.params) as Row).n);
  const paged = afterCursor(where, filter.after);
  const rows = prepared(db, `SELECT * FROM records ${paged.clause()} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
    ...paged.params,
    filter.limit,
    filter.after ? 0 : filter.offset,
  ) as Row[];
  return { rows, total };
}
