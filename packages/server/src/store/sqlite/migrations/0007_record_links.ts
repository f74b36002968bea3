import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * Linked records: one row per link field value of a record (a return visit -> its ticket), rewritten
 * with the record; the index lists the records linking to one (the ticket's visits), newest first.
 * Link fields are new with this release: no record holds one yet, nothing to fill in.
 */
const RECORD_LINKS = `
CREATE TABLE IF NOT EXISTS record_links (
  from_id TEXT NOT NULL, field TEXT NOT NULL, to_id TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (from_id, field));
CREATE INDEX IF NOT EXISTS record_links_to ON record_links (to_id, created_at);
`;

export const recordLinks: SqliteMigration = {
  version: 7,
  name: 'linked records',
  up(db: Database.Database) {
    db.exec(RECORD_LINKS);
  },
};
