import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * The schema of the last release without versioned migrations (095b7d3). A database that release
 * made has no `schema_migrations` table, so this migration also runs on it: tables are created only
 * when missing, the columns those releases added later (`LEGACY_COLUMNS`) are added when missing,
 * and the file references of earlier records are filled in. From here on every change is a
 * migration of its own that runs once.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
  roles TEXT NOT NULL, policy_roles TEXT NOT NULL, stores TEXT NOT NULL, created_at TEXT NOT NULL, deactivated_at TEXT);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at TEXT NOT NULL, last_seen_at TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, scopes TEXT NOT NULL, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS documents (
  kind TEXT NOT NULL, id TEXT NOT NULL, form TEXT, archived INTEGER NOT NULL DEFAULT 0,
  draft TEXT, draft_updated_at TEXT, draft_updated_by TEXT, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS versions (
  kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL, hash TEXT NOT NULL,
  published_at TEXT NOT NULL, published_by TEXT NOT NULL, note TEXT, PRIMARY KEY (kind, id, version));
CREATE TABLE IF NOT EXISTS records (
  id TEXT PRIMARY KEY, form_id TEXT NOT NULL, form_version INTEGER NOT NULL, rule_set_versions TEXT NOT NULL,
  status TEXT, data TEXT NOT NULL, evaluation TEXT NOT NULL, store TEXT, assignee TEXT, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, rev INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS records_form ON records (form_id, created_at);
CREATE TABLE IF NOT EXISTS approvals (
  id TEXT PRIMARY KEY, record_id TEXT NOT NULL, form_id TEXT NOT NULL, approver TEXT NOT NULL, before_status TEXT NOT NULL,
  reason TEXT NOT NULL, rule TEXT NOT NULL, state TEXT NOT NULL, decided_by TEXT, decided_at TEXT, comment TEXT, created_at TEXT NOT NULL,
  requested_rev INTEGER, requested_data TEXT);
CREATE INDEX IF NOT EXISTS approvals_record ON approvals (record_id);
CREATE TABLE IF NOT EXISTS deadlines (
  record_id TEXT NOT NULL, form_id TEXT NOT NULL, key TEXT NOT NULL, due_at TEXT, state TEXT NOT NULL, remind_at TEXT,
  reminded INTEGER NOT NULL DEFAULT 0, deadline TEXT NOT NULL, calendar_version INTEGER, PRIMARY KEY (record_id, key));
CREATE INDEX IF NOT EXISTS deadlines_due ON deadlines (state, due_at);
CREATE TABLE IF NOT EXISTS fines (
  id TEXT PRIMARY KEY, unique_key TEXT NOT NULL UNIQUE, record_id TEXT NOT NULL, form_id TEXT NOT NULL, payer_role TEXT NOT NULL,
  person TEXT, amount REAL NOT NULL, reason TEXT NOT NULL, origin TEXT NOT NULL, posted_at TEXT NOT NULL,
  corrects TEXT, corrected_by TEXT, note TEXT);
CREATE TABLE IF NOT EXISTS notifications (
  id TEXT PRIMARY KEY, unique_key TEXT NOT NULL UNIQUE, at TEXT NOT NULL, role TEXT NOT NULL, person TEXT, record_id TEXT, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT OR IGNORE INTO generation (id, value) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
  action TEXT NOT NULL, before TEXT, after TEXT);
CREATE INDEX IF NOT EXISTS audit_entity ON audit (entity, entity_id);
CREATE TABLE IF NOT EXISTS files (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS login_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_creator ON files (created_by, created_at);
CREATE TABLE IF NOT EXISTS file_refs (file_id TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (file_id, record_id));
CREATE TABLE IF NOT EXISTS calendar_jobs (
  calendar_id TEXT NOT NULL, version INTEGER NOT NULL, state TEXT NOT NULL, holder TEXT NOT NULL, lease_until TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT, counts TEXT, PRIMARY KEY (calendar_id, version));
`;

/** Columns the releases before versioned migrations added to tables they had created earlier. */
const LEGACY_COLUMNS: { table: string; column: string; type: string }[] = [
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

/** Records written before file_refs: the references their data already holds (once, while the table is empty). */
const BACKFILL_FILE_REFS = `
INSERT OR IGNORE INTO file_refs (file_id, record_id)
SELECT f.id, r.id FROM files f JOIN records r ON instr(r.data, '/api/v1/files/' || f.id) > 0
WHERE NOT EXISTS (SELECT 1 FROM file_refs);
`;

/** Indexes that match every query of a write path and every list (checked by queryPlans.test.ts with EXPLAIN QUERY PLAN). */
const INDEXES = `
CREATE INDEX IF NOT EXISTS deadlines_record_state ON deadlines (record_id, state);
CREATE INDEX IF NOT EXISTS deadlines_remind ON deadlines (state, reminded, remind_at);
CREATE INDEX IF NOT EXISTS deadlines_form ON deadlines (form_id, state, due_at);
CREATE INDEX IF NOT EXISTS approvals_record_state ON approvals (record_id, state);
CREATE INDEX IF NOT EXISTS approvals_state_created ON approvals (state, created_at, id);
CREATE INDEX IF NOT EXISTS approvals_approver ON approvals (approver, state, created_at, id);
CREATE INDEX IF NOT EXISTS approvals_created ON approvals (created_at, id);
CREATE INDEX IF NOT EXISTS fines_record ON fines (record_id);
CREATE INDEX IF NOT EXISTS fines_posted ON fines (posted_at, id);
CREATE INDEX IF NOT EXISTS fines_person ON fines (person, posted_at, id);
CREATE INDEX IF NOT EXISTS notifications_at ON notifications (at, id);
CREATE INDEX IF NOT EXISTS notifications_role ON notifications (role, at, id);
CREATE INDEX IF NOT EXISTS records_created ON records (created_at, id);
`;

export const initial: SqliteMigration = {
  version: 1,
  name: 'initial',
  up(db: Database.Database) {
    db.exec(TABLES);
    for (const { table, column, type } of LEGACY_COLUMNS) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
    db.exec(BACKFILL_FILE_REFS);
    db.exec(INDEXES);
  },
};
