import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * Record lists of one form in one store walk (form_id, store, created_at, id) (they walked the store's
 * records and read each row for its form: a count of 10,000 rows read 10,000 records); records_form
 * (form_id, created_at) goes, records_form_created (form_id, created_at, id) answers all it did, and
 * each record write keeps one index less.
 */
export const recordListIndex: SqliteMigration = {
  version: 6,
  name: 'records of a form in a store',
  up(db: Database.Database) {
    db.exec(`
DROP INDEX IF EXISTS records_form;
CREATE INDEX IF NOT EXISTS records_form_store ON records (form_id, store, created_at, id);`);
  },
};
