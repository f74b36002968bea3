import type Database from 'better-sqlite3';
import { monthBounds, type CappedPage, type FineFilter, type FinePageFilter, type FineTotalLine } from '../../paging.js';
import { cappedCount, Conditions, prepared } from './prepared.js';

type Row = Record<string, unknown>;

/** The ledger's filters as SQL over `fines` (posted time ranges on fines_posted / fines_person / fines_form; a record's on fines_record). */
function fineConditions(filter: FineFilter): Conditions {
  const where = new Conditions();
  if (filter.person) where.add('person = ?', filter.person);
  if (filter.formId) where.add('form_id = ?', filter.formId);
  if (filter.recordId) where.add('record_id = ?', filter.recordId);
  if (filter.month) {
    const { from, before } = monthBounds(filter.month);
    where.add('posted_at >= ? AND posted_at < ?', from, before);
  }
  if (filter.postedFrom) where.add('posted_at >= ?', filter.postedFrom);
  if (filter.postedBefore) where.add('posted_at < ?', filter.postedBefore);
  if (filter.visibleTo) {
    const { username, stores } = filter.visibleTo;
    where.add(
      `EXISTS (SELECT 1 FROM records r WHERE r.id = fines.record_id AND (r.created_by = ? OR r.assignee = ?${
        stores.length > 0 ? ` OR r.store IN (${stores.map(() => '?').join(', ')})` : ''
      }))`,
      username,
      username,
      ...stores,
    );
  }
  return where;
}

/** The China-time month an instant starts, when it is the first instant of that month. */
function monthStartingAt(iso: string): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const month = new Date(at + 8 * 3_600_000).toISOString().slice(0, 7);
  return Date.parse(monthBounds(month).from) === at ? month : null;
}

/**
 * The ledger's filters as SQL over fine_tallies (months, form, person, the record's scope), or null
 * when a bound falls inside a month or the filter names a record (tallies are not kept per record:
 * then the fines are read, a record's few by fines_record).
 */
function tallyConditions(filter: FineFilter): Conditions | null {
  if (filter.recordId) return null;
  const where = new Conditions();
  if (filter.month) where.add('month = ?', filter.month);
  if (filter.postedFrom) {
    const from = monthStartingAt(filter.postedFrom);
    if (!from) return null;
    where.add('month >= ?', from);
  }
  if (filter.postedBefore) {
    const before = monthStartingAt(filter.postedBefore);
    if (!before) return null;
    where.add('month < ?', before);
  }
  if (filter.formId) where.add('form_id = ?', filter.formId);
  if (filter.person) where.add('person = ?', filter.person);
  if (filter.visibleTo) {
    const { username, stores } = filter.visibleTo;
    where.add(
      `(created_by = ? OR assignee = ?${stores.length > 0 ? ` OR store IN (${stores.map(() => '?').join(', ')})` : ''})`,
      username,
      username,
      ...stores,
    );
  }
  return where;
}

/** How many fines a filter matches: exact, from the tallies when the filter allows, else counted up to COUNT_CAP. */
function fineCount(db: Database.Database, filter: FineFilter, where: Conditions): { total: number; capped: boolean } {
  const tally = tallyConditions(filter);
  if (!tally) return cappedCount(db, 'fines', where);
  const row = prepared(db, `SELECT coalesce(SUM(rows), 0) AS n FROM fine_tallies ${tally.clause()}`).get(...tally.params) as Row;
  return { total: Number(row.n), capped: false };
}

/** A keyset page of the ledger, newest first, with its exact total (or, for bounds inside a month, one capped at COUNT_CAP). */
export function pageFines(db: Database.Database, filter: FinePageFilter): CappedPage<Row> {
  const where = fineConditions(filter);
  const { total, capped } = fineCount(db, filter, where);
  const after = filter.after;
  const paged = after ? where.with('(posted_at, id) < (?, ?)', after[0], after[1]) : where;
  const rows = prepared(db, `SELECT * FROM fines ${paged.clause()} ORDER BY posted_at DESC, id DESC LIMIT ?`).all(
    ...paged.params,
    filter.limit + 1,
  ) as Row[];
  return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, total, capped };
}

/** Every fine of the filter (the export), oldest last; a filter with no month reads the whole ledger in the order of the index. */
export function listFines(db: Database.Database, filter: FineFilter): Row[] {
  const where = fineConditions(filter);
  return prepared(db, `SELECT * FROM fines ${where.clause()} ORDER BY posted_at DESC, id DESC`).all(...where.params) as Row[];
}

/**
 * Totals per month (China time), person and role, summed from fine_tallies (kept by every fine
 * written, in its transaction; amounts in cents); for bounds inside a month, one GROUP BY over the
 * covering index fines_totals (posted_at, person, payer_role, origin, amount). Largest month first.
 */
export function fineTotals(db: Database.Database, filter: FineFilter): { lines: FineTotalLine[]; total: number } {
  const tally = tallyConditions(filter);
  if (!tally) return fineTotalsFromRows(db, filter);
  const rows = prepared(
    db,
    `SELECT month, person, payer_role, SUM(n) AS n, SUM(cents) / 100.0 AS total
     FROM fine_tallies ${tally.clause()} GROUP BY 1, 2, 3 HAVING SUM(rows) != 0 ORDER BY 1 DESC`,
  ).all(...tally.params) as Row[];
  return totalsOf(rows);
}

/** The same totals read from the fines themselves (bounds inside a month; and the tallies' test). */
export function fineTotalsFromRows(db: Database.Database, filter: FineFilter): { lines: FineTotalLine[]; total: number } {
  const where = fineConditions(filter);
  const rows = prepared(
    db,
    `SELECT strftime('%Y-%m', posted_at, '+8 hours') AS month, coalesce(person, '') AS person, payer_role,
       SUM(origin != 'reversal') AS n, SUM(amount) AS total
     FROM fines ${where.clause()} GROUP BY 1, 2, 3 ORDER BY 1 DESC`,
  ).all(...where.params) as Row[];
  return totalsOf(rows);
}

function totalsOf(rows: Row[]): { lines: FineTotalLine[]; total: number } {
  const cents = (n: number) => Math.round(n * 100) / 100;
  const lines = rows
    .map((r) => ({
      month: String(r.month),
      person: String(r.person),
      payerRole: String(r.payer_role),
      count: Number(r.n),
      total: cents(Number(r.total)),
    }))
    .sort(byMonthThenPerson);
  return { lines, total: cents(rows.reduce((sum, r) => sum + Number(r.total), 0)) };
}

/** Largest month first, then by person and role as people read them (the ledger's order). */
export function byMonthThenPerson(a: FineTotalLine, b: FineTotalLine): number {
  return b.month.localeCompare(a.month) || a.person.localeCompare(b.person) || a.payerRole.localeCompare(b.payerRole);
}
