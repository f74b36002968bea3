import type Database from 'better-sqlite3';
import { monthBounds, type CappedPage, type FineFilter, type FinePageFilter, type FineTotalLine } from '../../paging.js';
import { cappedCount, Conditions, prepared } from './prepared.js';

type Row = Record<string, unknown>;

/** The ledger's filters as SQL over `fines` (posted time ranges on fines_posted / fines_person / fines_form). */
function fineConditions(filter: FineFilter): Conditions {
  const where = new Conditions();
  if (filter.person) where.add('person = ?', filter.person);
  if (filter.formId) where.add('form_id = ?', filter.formId);
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

/** A keyset page of the ledger, newest first, with a count capped at COUNT_CAP. */
export function pageFines(db: Database.Database, filter: FinePageFilter): CappedPage<Row> {
  const where = fineConditions(filter);
  const { total, capped } = cappedCount(db, 'fines', where);
  const after = filter.after;
  const paged = after ? where.with('(posted_at < ? OR (posted_at = ? AND id < ?))', after[0], after[0], after[1]) : where;
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
 * Totals per month (China time), person and role, computed by the database: one GROUP BY over the
 * covering index fines_totals (posted_at, person, payer_role, origin, amount). Largest month first.
 */
export function fineTotals(db: Database.Database, filter: FineFilter): { lines: FineTotalLine[]; total: number } {
  const where = fineConditions(filter);
  const rows = prepared(
    db,
    `SELECT strftime('%Y-%m', posted_at, '+8 hours') AS month, coalesce(person, '') AS person, payer_role,
       SUM(origin != 'reversal') AS n, SUM(amount) AS total
     FROM fines ${where.clause()} GROUP BY 1, 2, 3 ORDER BY 1 DESC`,
  ).all(...where.params) as Row[];
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
