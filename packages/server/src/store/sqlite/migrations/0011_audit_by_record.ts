import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * Audit entries name the record they are about (`record_id`, indexed), so that a record's history
 * is one index range holding its own entries and those of its approvals (asked, decided, withdrawn,
 * escalated), in id order. Entries written before take it: a record's own, its id; an approval's
 * decision, its approval's record (the approval row, else the record id the entry itself carries).
 */
export const auditByRecord: SqliteMigration = {
  version: 11,
  name: 'audit entries by record',
  up(db: Database.Database) {
    db.exec(`
ALTER TABLE audit ADD COLUMN record_id TEXT;
UPDATE audit SET record_id = entity_id WHERE entity = 'record';
UPDATE audit SET record_id = COALESCE(
    (SELECT a.record_id FROM approvals a WHERE a.id = audit.entity_id),
    CASE WHEN json_valid(after) THEN json_extract(after, '$.recordId') END)
  WHERE entity = 'approval';
CREATE INDEX audit_record ON audit (record_id);`);
  },
};
