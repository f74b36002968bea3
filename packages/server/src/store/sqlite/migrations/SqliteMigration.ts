import type Database from 'better-sqlite3';

/**
 * One forward-only change to the SQLite schema, numbered in order. `up` runs inside the
 * transaction that also records it in `schema_migrations`: it is applied whole or not at all.
 */
export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
