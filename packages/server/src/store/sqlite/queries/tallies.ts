import type Database from 'better-sqlite3';
import { prepared } from './prepared.js';

/**
 * Dashboard and ledger tallies: counts kept by triggers in the writing statement's own transaction,
 * so the dashboards and the month ledger's totals are sums over a few indexed rows instead of a read
 * of every record's JSON.
 *
 * - `dashboard_views`: what a dashboard groups by — compliance of deadlines by a record field (of one
 *   form, or of every form when `form_id` is ''), record counts of a form by a field and a second one.
 *   The default pack's dashboards are registered by the migration; another field is registered (and
 *   its tallies filled from the rows there are, once) the first time a dashboard asks for it.
 * - `compliance_tallies`: decided (met, breached) deadlines per view, China-time due day, state, group
 *   value and the record's store, creator and assignee (the scope a store user sees).
 * - `record_tallies`: records per view, China-time creation day, value, split value and scope.
 * - `fine_tallies`: fines per China-time month, form, person, payer role and the record's scope:
 *   rows, rows that are not reversals, and the sum in cents (integers: sums stay exact).
 *
 * Every text key is '' for a missing value (NULL would make the primary key's rows distinct).
 */
export const TALLY_TABLES = `
CREATE TABLE IF NOT EXISTS dashboard_views (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('compliance', 'counts')), form_id TEXT NOT NULL, field TEXT NOT NULL,
  by TEXT NOT NULL, UNIQUE (kind, form_id, field, by));
CREATE TABLE IF NOT EXISTS compliance_tallies (
  view_id INTEGER NOT NULL, day TEXT NOT NULL, state TEXT NOT NULL, grp TEXT NOT NULL, store TEXT NOT NULL, created_by TEXT NOT NULL,
  assignee TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (view_id, day, state, grp, store, created_by, assignee)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS record_tallies (
  view_id INTEGER NOT NULL, day TEXT NOT NULL, value TEXT NOT NULL, split TEXT NOT NULL, store TEXT NOT NULL, created_by TEXT NOT NULL,
  assignee TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (view_id, day, value, split, store, created_by, assignee)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fine_tallies (
  month TEXT NOT NULL, form_id TEXT NOT NULL, person TEXT NOT NULL, payer_role TEXT NOT NULL, store TEXT NOT NULL, created_by TEXT NOT NULL,
  assignee TEXT NOT NULL, rows INTEGER NOT NULL, n INTEGER NOT NULL, cents INTEGER NOT NULL,
  PRIMARY KEY (month, form_id, person, payer_role, store, created_by, assignee)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fine_tallies_person ON fine_tallies (person, month);
`;

/** A record field's value as the dashboards group it ('' when absent or null, true/false, numbers as written, objects as JSON). */
export const valueOf = (data: string, path: string) =>
  `CASE json_type(${data}, ${path}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN '' ELSE coalesce(json_extract(${data}, ${path}), '') END`;

const DECIDED = "('met', 'breached')";
const day = (iso: string) => `date(${iso}, '+8 hours')`;
const month = (iso: string) => `strftime('%Y-%m', ${iso}, '+8 hours')`;
const UPSERT_N = 'ON CONFLICT DO UPDATE SET n = n + excluded.n';
const UPSERT_FINE = 'ON CONFLICT DO UPDATE SET rows = rows + excluded.rows, n = n + excluded.n, cents = cents + excluded.cents';

/** Compliance tallies of one deadline row `d` (NEW or OLD) with its record `r`, counted `sign`. */
const complianceOfDeadline = (d: string, sign: number) => `
  INSERT INTO compliance_tallies (view_id, day, state, grp, store, created_by, assignee, n)
  SELECT v.id, ${day(`${d}.due_at`)}, ${d}.state, ${valueOf('r.data', "'$.' || v.field")}, coalesce(r.store, ''), r.created_by,
    coalesce(r.assignee, ''), ${sign}
  FROM dashboard_views v JOIN records r ON r.id = ${d}.record_id
  WHERE v.kind = 'compliance' AND v.form_id IN ('', ${d}.form_id) AND ${d}.state IN ${DECIDED} AND ${d}.due_at IS NOT NULL
  ${UPSERT_N};`;

/** Compliance tallies of every decided deadline of record `r` (NEW or OLD), counted `sign`, for the views where `changed` holds. */
const complianceOfRecord = (r: string, sign: number, changed: string) => `
  INSERT INTO compliance_tallies (view_id, day, state, grp, store, created_by, assignee, n)
  SELECT v.id, ${day('d.due_at')}, d.state, ${valueOf(`${r}.data`, "'$.' || v.field")}, coalesce(${r}.store, ''), ${r}.created_by,
    coalesce(${r}.assignee, ''), ${sign} * COUNT(*)
  FROM dashboard_views v JOIN deadlines d ON d.record_id = ${r}.id AND d.state IN ${DECIDED} AND d.due_at IS NOT NULL
  WHERE v.kind = 'compliance' AND v.form_id IN ('', d.form_id) AND ${changed}
  GROUP BY v.id, 2, 3 ${UPSERT_N};`;

/** Record count tallies of record `r` (NEW or OLD), counted `sign`, for the views where `changed` holds. */
const countsOfRecord = (r: string, sign: number, changed: string) => `
  INSERT INTO record_tallies (view_id, day, value, split, store, created_by, assignee, n)
  SELECT v.id, ${day(`${r}.created_at`)}, ${valueOf(`${r}.data`, "'$.' || v.field")},
    CASE v.by WHEN '' THEN '' ELSE ${valueOf(`${r}.data`, "'$.' || v.by")} END, coalesce(${r}.store, ''), ${r}.created_by,
    coalesce(${r}.assignee, ''), ${sign}
  FROM dashboard_views v WHERE v.kind = 'counts' AND v.form_id = ${r}.form_id AND ${changed}
  ${UPSERT_N};`;

/** Fine tallies of fine `f` (NEW or OLD) with the scope of its record (found by `scope`), counted `sign`. */
const fineOf = (f: string, sign: number) => `
  INSERT INTO fine_tallies (month, form_id, person, payer_role, store, created_by, assignee, rows, n, cents)
  SELECT ${month(`${f}.posted_at`)}, ${f}.form_id, coalesce(${f}.person, ''), ${f}.payer_role, coalesce(r.store, ''),
    coalesce(r.created_by, ''), coalesce(r.assignee, ''), ${sign}, ${sign} * (${f}.origin != 'reversal'), ${sign} * CAST(round(${f}.amount * 100) AS INTEGER)
  FROM (SELECT 1) LEFT JOIN records r ON r.id = ${f}.record_id WHERE true
  ${UPSERT_FINE};`;

/** Fine tallies of every fine of record id `id`, with the scope given, counted `sign`. */
const finesOfRecord = (id: string, store: string, createdBy: string, assignee: string, sign: number) => `
  INSERT INTO fine_tallies (month, form_id, person, payer_role, store, created_by, assignee, rows, n, cents)
  SELECT ${month('f.posted_at')}, f.form_id, coalesce(f.person, ''), f.payer_role, ${store}, ${createdBy}, ${assignee},
    ${sign} * COUNT(*), ${sign} * SUM(f.origin != 'reversal'), ${sign} * SUM(CAST(round(f.amount * 100) AS INTEGER))
  FROM fines f WHERE f.record_id = ${id} GROUP BY 1, 2, 3, 4
  ${UPSERT_FINE};`;

const scopeChanged = 'OLD.store IS NOT NEW.store OR OLD.assignee IS NOT NEW.assignee';
/** Whether a view's field (a column of dashboard_views, '' for none: never read as the path '$.') differs between OLD and NEW. */
const fieldChanged = (field: string) =>
  `(CASE ${field} WHEN '' THEN 0 ELSE ${valueOf('OLD.data', `'$.' || ${field}`)} IS NOT ${valueOf('NEW.data', `'$.' || ${field}`)} END)`;

/**
 * The triggers that keep the tallies in step with deadlines, records and fines (every writer, the bench's direct inserts too).
 * A deadline or fine whose record is missing counts as the record's would once it exists: compliance
 * not at all, fines with an empty scope (admins see it); a record inserted or deleted moves them.
 */
export const TALLY_TRIGGERS = `
CREATE TRIGGER IF NOT EXISTS compliance_deadline_insert AFTER INSERT ON deadlines WHEN NEW.state IN ${DECIDED} BEGIN
  ${complianceOfDeadline('NEW', 1)}
END;
CREATE TRIGGER IF NOT EXISTS compliance_deadline_delete AFTER DELETE ON deadlines WHEN OLD.state IN ${DECIDED} BEGIN
  ${complianceOfDeadline('OLD', -1)}
END;
CREATE TRIGGER IF NOT EXISTS compliance_deadline_update AFTER UPDATE OF state, due_at, record_id, form_id ON deadlines
  WHEN OLD.state IN ${DECIDED} OR NEW.state IN ${DECIDED} BEGIN
  ${complianceOfDeadline('OLD', -1)}
  ${complianceOfDeadline('NEW', 1)}
END;
CREATE TRIGGER IF NOT EXISTS tallies_record_insert AFTER INSERT ON records BEGIN
  ${countsOfRecord('NEW', 1, 'true')}
  ${complianceOfRecord('NEW', 1, 'true')}
  ${finesOfRecord('NEW.id', "''", "''", "''", -1)}
  ${finesOfRecord('NEW.id', "coalesce(NEW.store, '')", 'NEW.created_by', "coalesce(NEW.assignee, '')", 1)}
END;
CREATE TRIGGER IF NOT EXISTS tallies_record_update AFTER UPDATE OF data, store, assignee ON records BEGIN
  ${complianceOfRecord('OLD', -1, `(${scopeChanged} OR ${fieldChanged('v.field')})`)}
  ${complianceOfRecord('NEW', 1, `(${scopeChanged} OR ${fieldChanged('v.field')})`)}
  ${countsOfRecord('OLD', -1, `(${scopeChanged} OR ${fieldChanged('v.field')} OR ${fieldChanged('v.by')})`)}
  ${countsOfRecord('NEW', 1, `(${scopeChanged} OR ${fieldChanged('v.field')} OR ${fieldChanged('v.by')})`)}
  ${finesOfRecord('OLD.id', "coalesce(OLD.store, '')", 'OLD.created_by', "coalesce(OLD.assignee, '')", -1).replace('WHERE f.record_id', `WHERE (${scopeChanged}) AND f.record_id`)}
  ${finesOfRecord('NEW.id', "coalesce(NEW.store, '')", 'NEW.created_by', "coalesce(NEW.assignee, '')", 1).replace('WHERE f.record_id', `WHERE (${scopeChanged}) AND f.record_id`)}
END;
CREATE TRIGGER IF NOT EXISTS tallies_record_delete AFTER DELETE ON records BEGIN
  ${complianceOfRecord('OLD', -1, 'true')}
  ${countsOfRecord('OLD', -1, 'true')}
  ${finesOfRecord('OLD.id', "coalesce(OLD.store, '')", 'OLD.created_by', "coalesce(OLD.assignee, '')", -1)}
  ${finesOfRecord('OLD.id', "''", "''", "''", 1)}
END;
CREATE TRIGGER IF NOT EXISTS fine_tallies_insert AFTER INSERT ON fines BEGIN
  ${fineOf('NEW', 1)}
END;
CREATE TRIGGER IF NOT EXISTS fine_tallies_delete AFTER DELETE ON fines BEGIN
  ${fineOf('OLD', -1)}
END;
CREATE TRIGGER IF NOT EXISTS fine_tallies_update AFTER UPDATE OF record_id, form_id, person, payer_role, amount, origin, posted_at ON fines BEGIN
  ${fineOf('OLD', -1)}
  ${fineOf('NEW', 1)}
END;
`;

/** The dashboards of the default pack (and issue 16's counts by service type and zone), registered with their tallies filled. */
export const DEFAULT_VIEWS: { kind: 'compliance' | 'counts'; formId: string; field: string; by: string }[] = [
  { kind: 'compliance', formId: '', field: 'zone', by: '' },
  { kind: 'compliance', formId: '', field: 'technician', by: '' },
  { kind: 'compliance', formId: 'after-sales-record', field: 'zone', by: '' },
  { kind: 'compliance', formId: 'after-sales-record', field: 'technician', by: '' },
  { kind: 'counts', formId: 'after-sales-record', field: 'serviceType', by: 'zone' },
  { kind: 'counts', formId: 'complaint-log', field: 'category', by: 'severity' },
  ...['attitude', 'skill', 'arrivalOnTime', 'promiseKept'].map((r) => ({
    kind: 'counts' as const,
    formId: 'return-visit',
    field: `ratings.${r}`,
    by: '',
  })),
];

/** At most this many views are kept (each costs every write of its form a little); past it a dashboard reads the rows directly. */
export const MAX_VIEWS = 64;

/** Fills a newly registered view's tallies from the rows there are (inside the caller's transaction). */
function fillView(db: Database.Database, id: number, kind: 'compliance' | 'counts', formId: string): void {
  if (kind === 'compliance')
    db.prepare(
      `INSERT INTO compliance_tallies (view_id, day, state, grp, store, created_by, assignee, n)
       SELECT v.id, ${day('d.due_at')}, d.state, ${valueOf('r.data', "'$.' || v.field")}, coalesce(r.store, ''), r.created_by,
         coalesce(r.assignee, ''), COUNT(*)
       FROM dashboard_views v JOIN deadlines d JOIN records r ON r.id = d.record_id
       WHERE v.id = ? AND d.state IN ${DECIDED} AND d.due_at IS NOT NULL AND (v.form_id = '' OR d.form_id = v.form_id)
       GROUP BY 2, 3, 4, 5, 6, 7 ${UPSERT_N}`,
    ).run(id);
  else
    db.prepare(
      `INSERT INTO record_tallies (view_id, day, value, split, store, created_by, assignee, n)
       SELECT v.id, ${day('r.created_at')}, ${valueOf('r.data', "'$.' || v.field")},
         CASE v.by WHEN '' THEN '' ELSE ${valueOf('r.data', "'$.' || v.by")} END, coalesce(r.store, ''), r.created_by,
         coalesce(r.assignee, ''), COUNT(*)
       FROM dashboard_views v JOIN records r ON r.form_id = v.form_id
       WHERE v.id = ? AND r.form_id = ?
       GROUP BY 2, 3, 4, 5, 6, 7 ${UPSERT_N}`,
    ).run(id, formId);
}

/**
 * The id of a dashboard view, registered and filled in one write transaction when it is new; null
 * when MAX_VIEWS are registered already (the caller then counts the rows directly).
 */
export function viewId(db: Database.Database, kind: 'compliance' | 'counts', formId: string, field: string, by = ''): number | null {
  const find = () =>
    (
      prepared(db, 'SELECT id FROM dashboard_views WHERE kind = ? AND form_id = ? AND field = ? AND by = ?').get(
        kind,
        formId,
        field,
        by,
      ) as { id: number } | undefined
    )?.id ?? null;
  const known = find();
  if (known !== null) return known;
  return db
    .transaction(() => {
      const again = find();
      if (again !== null) return again;
      const count = (db.prepare('SELECT COUNT(*) AS n FROM dashboard_views').get() as { n: number }).n;
      if (count >= MAX_VIEWS) return null;
      const id = Number(
        db.prepare('INSERT INTO dashboard_views (kind, form_id, field, by) VALUES (?, ?, ?, ?)').run(kind, formId, field, by)
          .lastInsertRowid,
      );
      fillView(db, id, kind, formId);
      return id;
    })
    .immediate();
}

/** Creates the tables and triggers, registers the default views and fills every tally from the rows there are. */
export function createTallies(db: Database.Database): void {
  db.exec(TALLY_TABLES);
  db.exec(TALLY_TRIGGERS);
  db.exec(`
    INSERT INTO fine_tallies (month, form_id, person, payer_role, store, created_by, assignee, rows, n, cents)
    SELECT ${month('f.posted_at')}, f.form_id, coalesce(f.person, ''), f.payer_role, coalesce(r.store, ''), coalesce(r.created_by, ''),
      coalesce(r.assignee, ''), COUNT(*), SUM(f.origin != 'reversal'), SUM(CAST(round(f.amount * 100) AS INTEGER))
    FROM fines f LEFT JOIN records r ON r.id = f.record_id
    WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7 ${UPSERT_FINE}`);
  const insert = db.prepare('INSERT OR IGNORE INTO dashboard_views (kind, form_id, field, by) VALUES (?, ?, ?, ?)');
  for (const v of DEFAULT_VIEWS) {
    const { changes, lastInsertRowid } = insert.run(v.kind, v.formId, v.field, v.by);
    if (changes > 0) fillView(db, Number(lastInsertRowid), v.kind, v.formId);
  }
}
