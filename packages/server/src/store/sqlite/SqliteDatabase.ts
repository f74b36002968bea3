import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations/index.js';
import { migrateSqlite } from './migrations/migrateSqlite.js';
import { preparePrivateFiles, tightenDatabaseFiles } from './privateFiles.js';

/** A commit that leaves the WAL longer than this many pages copies it into the database (a checkpoint; SQLite's default). */
const CHECKPOINT_PAGES = 1000;
/**
 * The clock's batches checkpoint at a quarter of that. The commit that checkpoints holds the event
 * loop while it copies the WAL and waits for the disk twice; a long run of batches (a weekend's
 * breaches) otherwise stalls a request for the copy of 4 MB at a time (`pnpm bench clock`: the
 * longest wait fell from 58–149 ms to 49–75 ms at 60,000 breaches).
 */
const CLOCK_CHECKPOINT_PAGES = 256;

/** The embedded store's file in its data directory. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'aftersales.sqlite');
}

/**
 * The one SQLite handle every repository of the embedded store shares: a file under the data
 * directory, WAL with full sync, its schema brought up to date by versioned migrations on opening,
 * prepared statements cached by SQL text, and transactions (a unit
 * of work that spans repositories runs inside one `transaction`; nested ones are savepoints).
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    /** The directory of the file (a worker thread opens the same store from it). */
    readonly dataDir: string,
  ) {
    const file = sqliteFileIn(dataDir);
    preparePrivateFiles(dataDir, file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    tightenDatabaseFiles(file);
    // FULL: a commit is on disk before it returns, so an acknowledged write survives a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    // 64 MiB of page cache (the default is 2 MiB): a record write touches a dozen B-trees (records, its
    // indexes, the search indexes, deadlines, tallies, audit); at 100,000 records and more their inner
    // pages no longer fit in 2 MiB and every write and list page read them again from the file.
    this.db.pragma('cache_size = -65536');
    this.db.pragma('foreign_keys = ON');
    // The schema is versioned (migrations/): what this database lacks is applied now, each step in a transaction.
    try {
      migrateSqlite(this.db, SQLITE_MIGRATIONS);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Prepared once per SQL text. */
  stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `work` in a transaction (a savepoint when one is open already): all or nothing. It takes the
   * write lock as it begins (BEGIN IMMEDIATE), waiting for another connection's commit (a second
   * instance, the clock's worker thread) like any write. A transaction that began by reading would
   * instead fail at its first write, without waiting ("database is locked"), whenever another
   * connection committed after its read.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /**
   * One transaction of the clock, committed without waiting for the disk (synchronous NORMAL: the
   * WAL stays consistent, and the next durable commit — any record write — makes it durable too).
   * A batch lost to a power cut before that is only undone, never half done: its deadlines are
   * open again and the next tick breaches them with the same unique keys. The fsync a FULL commit
   * waits for would otherwise hold the event loop for each batch.
   */
  clockBatch<T>(work: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`wal_autocheckpoint = ${CLOCK_CHECKPOINT_PAGES}`);
    try {
      return this.db.transaction(work).immediate();
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
      this.db.pragma('synchronous = FULL');
    }
  }

  close(): void {
    this.db.close();
  }
}
