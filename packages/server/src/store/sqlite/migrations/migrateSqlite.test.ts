import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, migrateSqlite } from './migrateSqlite.js';
import type { SqliteMigration } from './SqliteMigration.js';
import { SQLITE_MIGRATIONS } from './index.js';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

describe('migrateSqlite', () => {
  it('when a database is migrated twice, then each migration runs once and is recorded once with its name and time', () => {
    const db = new Database(':memory:');
    const runs: number[] = [];
    const migrations: SqliteMigration[] = [
      { version: 1, name: 'one', up: (d) => (runs.push(1), d.exec('CREATE TABLE a (x)')) },
      { version: 2, name: 'two', up: (d) => (runs.push(2), d.exec('ALTER TABLE a ADD COLUMN y')) },
    ];
    expect(migrateSqlite(db, migrations, () => new Date('2026-01-01T00:00:00Z'))).toEqual([1, 2]);
    expect(migrateSqlite(db, migrations)).toEqual([]);
    expect(runs).toEqual([1, 2]);
    expect(appliedMigrations(db)).toEqual([
      { version: 1, name: 'one', appliedAt: '2026-01-01T00:00:00.000Z' },
      { version: 2, name: 'two', appliedAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('when a new migration is added to a migrated database, then only it runs', () => {
    const db = new Database(':memory:');
    const first: SqliteMigration = { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x)') };
    migrateSqlite(db, [first]);
    db.exec("INSERT INTO a (x) VALUES ('kept')");
    expect(migrateSqlite(db, [first, { version: 2, name: 'two', up: (d) => d.exec("ALTER TABLE a ADD COLUMN y DEFAULT 'new'") }])).toEqual([
      2,
    ]);
    expect(db.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 'kept', y: 'new' }]);
  });

  it('when a migration fails half way, then the database stays at the version before it, nothing of it is kept, and the error stops the start', () => {
    const db = new Database(':memory:');
    const migrations: SqliteMigration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE b (x)');
          d.exec("INSERT INTO a (x) VALUES ('half')");
          throw new Error('migration 2 failed');
        },
      },
      { version: 3, name: 'after', up: (d) => d.exec('CREATE TABLE c (x)') },
    ];
    expect(() => migrateSqlite(db, migrations)).toThrow('migration 2 failed');
    expect(appliedMigrations(db).map((m) => m.version)).toEqual([1]);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM a').get()).toEqual({ n: 0 });
    // Fixed, it runs on the next start, and the ones after it too.
    migrations[1] = { version: 2, name: 'fixed', up: (d) => d.exec('CREATE TABLE b (x)') };
    expect(migrateSqlite(db, migrations)).toEqual([2, 3]);
  });

  it('when the database was migrated by a newer release, then it is refused with a message that says so', () => {
    const db = new Database(':memory:');
    migrateSqlite(db, [...SQLITE_MIGRATIONS, { version: 99, name: 'from the future', up: () => undefined }]);
    expect(() => migrateSqlite(db, SQLITE_MIGRATIONS)).toThrow(/schema version 99, made by a newer release/);
  });

  it('when an empty database is migrated, then it has every table of the store', () => {
    const db = new Database(':memory:');
    migrateSqlite(db, SQLITE_MIGRATIONS);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'api_keys',
        'documents',
        'versions',
        'records',
        'approvals',
        'deadlines',
        'fines',
        'notifications',
        'generation',
        'audit',
        'files',
        'login_failures',
        'file_refs',
        'calendar_jobs',
        'schema_migrations',
      ]),
    );
  });
});
