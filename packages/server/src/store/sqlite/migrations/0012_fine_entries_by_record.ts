import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * A fine's waiver or correction is in its record's history: its audit entry names the record
 * (`record_id`). Entries written before carried the record only in `after.recordId`; they take it
 * from there (entries whose `after` holds no record id stay out of every record's history).
 */
export const fineEntriesByRecord: SqliteMigration = {
  version: 12,
  name: 'fine entries by record',
  up(db: Database.Database) {
    db.exec(`
UPDATE audit SET record_id = json_extract(after, '$.recordId')
  WHERE entity = 'fine' AND record_id IS NULL
    AND CASE WHEN json_valid(after) THEN json_type(after, '$.recordId') = 'text' ELSE 0 END;`);
  },
};
