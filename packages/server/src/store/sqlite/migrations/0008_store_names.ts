import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/** Store names: the name people read for a store id (records, users and channels keep the id). Nothing to fill in. */
export const storeNames: SqliteMigration = {
  version: 8,
  name: 'store names',
  up(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS store_names (id TEXT PRIMARY KEY, name TEXT NOT NULL, updated_at TEXT NOT NULL)');
  },
};
