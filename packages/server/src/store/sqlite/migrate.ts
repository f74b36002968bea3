import type Database from 'better-sqlite3';

/**
 * Columns added after a table was first created: `CREATE TABLE IF NOT EXISTS` leaves an existing
 * table as it is, so each is added here when missing (idempotent, at start-up).
 */
const ADDED_COLUMNS: { table: string; column: string; type: string }[] = [
  // Approvals that hold: the record's revision and data when the approval was asked (changes since).
  { table: 'approvals', column: 'requested_rev', type: 'INTEGER' },
  { table: 'approvals', column: 'requested_data', type: 'TEXT' },
  // Sign-in hardening: deactivated users, and when a session was last used (idle timeout).
  { table: 'users', column: 'deactivated_at', type: 'TEXT' },
  { table: 'sessions', column: 'last_seen_at', type: "TEXT NOT NULL DEFAULT ''" },
  // Fines ledger corrections: the fine a reversal or correction refers to, who made it and why.
  { table: 'fines', column: 'corrects', type: 'TEXT' },
  { table: 'fines', column: 'corrected_by', type: 'TEXT' },
  { table: 'fines', column: 'note', type: 'TEXT' },
  // Calendar publish: the calendar version an open deadline's due time was recomputed with.
  { table: 'deadlines', column: 'calendar_version', type: 'INTEGER' },
];

/** Tables added after the first release (created when missing). */
const ADDED_TABLES = `
CREATE TABLE IF NOT EXISTS calendar_jobs (
  calendar_id TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL, holder TEXT NOT NULL, lease_until TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT, counts TEXT, PRIMARY KEY (calendar_id, version));
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS channels (
  id TEXT PRIMARY KEY, store TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, events TEXT NOT NULL, config TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS channels_store ON channels (store, created_at);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, notification_id TEXT NOT NULL, event TEXT NOT NULL, payload TEXT NOT NULL,
  state TEXT NOT NULL, attempts INTEGER NOT NULL, next_at TEXT, lease_until TEXT, last_status INTEGER, last_error TEXT,
  created_at TEXT NOT NULL, delivered_at TEXT, UNIQUE (channel_id, notification_id));
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (state, next_at);
CREATE INDEX IF NOT EXISTS deliveries_channel ON deliveries (channel_id, created_at);
`;

export function addMissingColumns(db: Database.Database): void {
  db.exec(ADDED_TABLES);
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
