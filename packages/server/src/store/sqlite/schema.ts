/** The SQLite tables (one file under DATA_DIR, WAL, synchronous FULL: a write is durable when acknowledged). */
export const SCHEMA = `
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
  reminded INTEGER NOT NULL DEFAULT 0, deadline TEXT NOT NULL, PRIMARY KEY (record_id, key));
CREATE INDEX IF NOT EXISTS deadlines_due ON deadlines (state, due_at);
CREATE TABLE IF NOT EXISTS fines (
  id TEXT PRIMARY KEY, unique_key TEXT NOT NULL UNIQUE, record_id TEXT NOT NULL, form_id TEXT NOT NULL, payer_role TEXT NOT NULL,
  person TEXT, amount REAL NOT NULL, reason TEXT NOT NULL, origin TEXT NOT NULL, posted_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notifications (
  id TEXT PRIMARY KEY, unique_key TEXT NOT NULL UNIQUE, at TEXT NOT NULL, role TEXT NOT NULL, person TEXT, record_id TEXT, message TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT OR IGNORE INTO generation VALUES (1, 0);
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
`;

/**
 * Databases from before file_refs: the references their records already hold (once, while the
 * table is empty), so that the orphan cleanup never takes an attached file.
 */
export const BACKFILL_FILE_REFS = `
INSERT OR IGNORE INTO file_refs (file_id, record_id)
SELECT f.id, r.id FROM files f JOIN records r ON instr(r.data, '/api/v1/files/' || f.id) > 0
WHERE NOT EXISTS (SELECT 1 FROM file_refs);
`;

/**
 * Indexes that match every query of a write path and every list (checked by queryPlans.test.ts with
 * EXPLAIN QUERY PLAN). IF NOT EXISTS: an existing database gains them at start-up.
 */
export const INDEXES = `
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
CREATE INDEX IF NOT EXISTS records_assignee ON records (assignee, created_at);
`;
