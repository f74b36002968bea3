import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/** A migration as recorded in the `schema_migrations` table. */
export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

/**
 * Brings the database up to the last migration: each one not yet recorded in `schema_migrations`
 * runs in order, in a transaction of its own together with its record, so a failing migration
 * leaves the database at the version before it (and the error stops the start-up). Each is taken
 * with the write lock held and checked again under it, so two processes opening the same file
 * apply it once. A database migrated by a newer release is refused: this code cannot know its
 * schema. Returns the versions applied now.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly SqliteMigration[], now = () => new Date()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const known = ordered.at(-1)?.version ?? 0;
  const latest = Number((db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v);
  if (latest > known)
    throw new Error(
      `the database is at schema version ${latest}, made by a newer release; this release knows versions up to ${known}: run the newer release`,
    );
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const migration of ordered) {
    if (isApplied.get(migration.version)) continue;
    const applied = db
      .transaction(() => {
        if (isApplied.get(migration.version)) return false;
        migration.up(db);
        record.run(migration.version, migration.name, now().toISOString());
        return true;
      })
      .immediate();
    if (applied) ran.push(migration.version);
  }
  return ran;
}

/** The migrations recorded in the database, oldest first. */
export function appliedMigrations(db: Database.Database): AppliedMigration[] {
  return (
    db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
      applied_at: string;
    }[]
  ).map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at }));
}
