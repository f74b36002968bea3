import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * Approvals carry the store of their record (`store`, kept by every record write) and when they
 * escalated (`escalated_at`), so the escalation tick and the scoped inbox read them through indexes
 * instead of walking every pending approval and its record. Existing rows take their record's store,
 * and those already escalated (their escalation notice was posted) take that notice's time.
 */
export const approvalMarks: SqliteMigration = {
  version: 4,
  name: 'approval store and escalation marks, open deadlines by calendar',
  up(db: Database.Database) {
    db.exec(`
ALTER TABLE approvals ADD COLUMN store TEXT;
ALTER TABLE approvals ADD COLUMN escalated_at TEXT;
UPDATE approvals SET store = (SELECT r.store FROM records r WHERE r.id = approvals.record_id);
UPDATE approvals SET escalated_at = (
  SELECT n.at FROM notifications n WHERE n.unique_key = 'approval-escalated|' || approvals.id)
  WHERE EXISTS (SELECT 1 FROM notifications n WHERE n.unique_key = 'approval-escalated|' || approvals.id);
CREATE INDEX approvals_escalation ON approvals (state, escalated_at, created_at, id);
CREATE INDEX approvals_store ON approvals (state, store, created_at, id);
CREATE INDEX deadlines_open_calendar ON deadlines (state, json_extract(deadline, '$.calendar'), record_id, key);`);
  },
};
