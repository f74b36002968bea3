import type Database from 'better-sqlite3';
import type { ComplianceCount, ComplianceFilter, RecordCount, RecordCountFilter, Visibility } from '../../paging.js';
import { Conditions, prepared } from './prepared.js';
import { viewId } from './tallies.js';

type Row = Record<string, unknown>;

/**
 * A record field's value as the dashboards group it (as text: '' when absent or null, true/false,
 * numbers as written, objects as JSON). `path` is checked against FIELD_PATH by the caller and bound
 * as a parameter, never spliced into SQL.
 */
const fieldValue = (data: string) =>
  `CASE json_type(${data}, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN '' ELSE coalesce(json_extract(${data}, ?), '') END`;

function visible(where: Conditions, alias: string, visibleTo: Visibility | undefined): void {
  if (!visibleTo) return;
  const { username, stores } = visibleTo;
  where.add(
    `(${alias}.created_by = ? OR ${alias}.assignee = ?${stores.length > 0 ? ` OR ${alias}.store IN (${stores.map(() => '?').join(', ')})` : ''})`,
    username,
    username,
    ...stores,
  );
}

const CHINA = 8 * 3_600_000;
const DAY = 86_400_000;

/** The China-time day of an instant, YYYY-MM-DD. */
export const chinaDay = (iso: string) => new Date(Date.parse(iso) + CHINA).toISOString().slice(0, 10);
/** Whether an instant is a China-time midnight (a tally day starts there). */
export const atChinaMidnight = (iso: string) => Number.isFinite(Date.parse(iso)) && (Date.parse(iso) + CHINA) % DAY === 0;

/** The scope of a store user over a tally's store, created_by and assignee columns. */
function visibleTally(where: Conditions, visibleTo: Visibility | undefined): void {
  if (!visibleTo) return;
  const { username, stores } = visibleTo;
  where.add(
    `(created_by = ? OR assignee = ?${stores.length > 0 ? ` OR store IN (${stores.map(() => '?').join(', ')})` : ''})`,
    username,
    username,
    ...stores,
  );
}

/**
 * Deadlines met and breached per week and group, summed from compliance_tallies (kept by the
 * deadline and record writes): a range of the view's China-time days, never a record read. The
 * tallies count whole days, so the window runs to the end of `dueTo`'s day (a deadline met early,
 * due later today, counts today). When the view cannot be registered (MAX_VIEWS) or `dueFrom` is
 * not a China-time midnight, the rows are counted directly (complianceFromRows).
 */
export function complianceCounts(db: Database.Database, filter: ComplianceFilter): ComplianceCount[] {
  const view = atChinaMidnight(filter.dueFrom) ? viewId(db, 'compliance', filter.formId ?? '', filter.groupBy) : null;
  if (view === null) return complianceFromRows(db, filter);
  const where = new Conditions();
  where.add('view_id = ? AND day >= ? AND day <= ?', view, chinaDay(filter.dueFrom), chinaDay(filter.dueTo));
  visibleTally(where, filter.visibleTo);
  const rows = prepared(
    db,
    `SELECT grp, date(day, '-6 days', 'weekday 1') AS week, state, SUM(n) AS n FROM compliance_tallies ${where.clause()}
     GROUP BY 1, 2, 3 HAVING SUM(n) != 0`,
  ).all(...where.params) as Row[];
  return rows.map((r) => ({ group: String(r.grp), week: String(r.week), state: r.state as ComplianceCount['state'], count: Number(r.n) }));
}

/**
 * Deadlines met and breached per week and group, counted by the database: a range walk of
 * deadlines_form / deadlines_due (state, due_at) for each of the two states, joined to their
 * records by primary key, grouped in SQL.
 */
export function complianceFromRows(db: Database.Database, filter: ComplianceFilter): ComplianceCount[] {
  const path = `$.${filter.groupBy}`;
  const where = new Conditions();
  where.add("d.state IN ('met', 'breached')");
  if (filter.formId) where.add('d.form_id = ?', filter.formId);
  where.add('d.due_at >= ? AND d.due_at <= ?', filter.dueFrom, filter.dueTo);
  visible(where, 'r', filter.visibleTo);
  const rows = prepared(
    db,
    `SELECT ${fieldValue('r.data')} AS grp, date(d.due_at, '+8 hours', '-6 days', 'weekday 1') AS week, d.state AS state, COUNT(*) AS n
     FROM deadlines d JOIN records r ON r.id = d.record_id ${where.clause()} GROUP BY 1, 2, 3`,
  ).all(path, path, ...where.params) as Row[];
  return rows.map((r) => ({ group: String(r.grp), week: String(r.week), state: r.state as ComplianceCount['state'], count: Number(r.n) }));
}

/**
 * Records of a form per value of a field (and a second), summed from record_tallies (kept by the
 * record writes); counted directly from the records (recordCountsFromRows) when the view cannot be
 * registered or `createdFrom` is not a China-time midnight.
 */
export function recordCounts(db: Database.Database, filter: RecordCountFilter): RecordCount[] {
  const aligned = filter.createdFrom === undefined || atChinaMidnight(filter.createdFrom);
  const view = aligned ? viewId(db, 'counts', filter.formId, filter.field, filter.by ?? '') : null;
  if (view === null) return recordCountsFromRows(db, filter);
  const where = new Conditions();
  where.add('view_id = ?', view);
  if (filter.createdFrom) where.add('day >= ?', chinaDay(filter.createdFrom));
  visibleTally(where, filter.visibleTo);
  const rows = prepared(db, `SELECT value, split, SUM(n) AS n FROM record_tallies ${where.clause()} GROUP BY 1, 2 HAVING SUM(n) != 0`).all(
    ...where.params,
  ) as Row[];
  return rows.map((r) => ({ value: String(r.value), split: String(r.split), count: Number(r.n) }));
}

/** Records of a form per value of a field (and a second), counted by the database over records_form_created. */
export function recordCountsFromRows(db: Database.Database, filter: RecordCountFilter): RecordCount[] {
  const where = new Conditions();
  where.add('r.form_id = ?', filter.formId);
  if (filter.createdFrom) where.add('r.created_at >= ?', filter.createdFrom);
  visible(where, 'r', filter.visibleTo);
  const field = `$.${filter.field}`;
  const by = filter.by ? `$.${filter.by}` : null;
  const rows = prepared(
    db,
    `SELECT ${fieldValue('r.data')} AS value, ${by ? fieldValue('r.data') : "''"} AS split, COUNT(*) AS n
     FROM records r ${where.clause()} GROUP BY 1, 2`,
  ).all(field, field, ...(by ? [by, by] : []), ...where.params) as Row[];
  return rows.map((r) => ({ value: String(r.value), split: String(r.split), count: Number(r.n) }));
}
