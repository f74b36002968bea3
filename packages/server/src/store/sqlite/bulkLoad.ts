import { fillRecordSearch, optimizeRecordSearch } from './queries/records.js';
import type { SqliteDatabase } from './SqliteDatabase.js';

/** Units of work per transaction of a bulk load. */
const BULK_UNITS = 20_000;

/**
 * A bulk load of a SQLite store (the scale bench's stores, an import): every write still goes
 * through the repositories and services, with their statements and savepoints, but inside one
 * long transaction that commits every `units` units of work without waiting for the disk
 * (synchronous OFF) and with a large page cache, so that the indexes and the search tables stay in
 * memory between commits. The search index of the records it adds is written at the end in one
 * statement (the insert trigger dropped meanwhile: per row it costs ten times more). Nothing may use
 * the file from another connection meanwhile; the store is complete and durable once `finish` has
 * returned (search indexed, trigger back, FULL sync on, WAL checkpointed).
 *
 * Only for a store that nobody else uses while it loads, and that is thrown away if the load stops
 * half way (its search trigger and index are incomplete until `finish`).
 */
export class SqliteBulkLoad {
  private done = 0;
  private open = false;
  /** The search trigger dropped while loading, and the last record before the load. */
  private search: { trigger: string; afterRowid: number } | null = null;

  constructor(
    private readonly database: SqliteDatabase,
    private readonly units: number = BULK_UNITS,
    /** Page cache of the load, in KiB (the default 2 MB makes every index insert a disk read past a few 100k rows). */
    private readonly cacheKiB: number = 512 * 1024,
  ) {}

  begin(): void {
    if (this.open) return;
    // The safety level can change only between transactions (the clock's batches set it back to FULL after each).
    this.database.db.pragma('synchronous = OFF');
    this.database.db.pragma(`cache_size = -${this.cacheKiB}`);
    this.database.db.exec('BEGIN');
    this.open = true;
    if (!this.search) {
      const db = this.database.db;
      const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'records_search_insert'").get() as
        { sql: string } | undefined;
      if (!trigger) throw new Error('the store has no record search trigger');
      const { last } = db.prepare('SELECT COALESCE(MAX(rowid), 0) AS last FROM records').get() as { last: number };
      db.exec('DROP TRIGGER records_search_insert');
      this.search = { trigger: trigger.sql, afterRowid: last };
    }
  }

  /** One unit of work done (a record with what it posted); commits every `units` of them. */
  unitDone(): void {
    this.done++;
    if (this.done % this.units === 0) {
      this.commit();
      this.begin();
    }
  }

  /**
   * Commits what is loaded so far, for work that runs its own transactions at a safety level of its
   * own (the clock's batches); `begin` opens the next one.
   */
  pause(): void {
    this.commit();
  }

  /** Commits what is loaded, turns full sync back on and checkpoints the WAL into the file. */
  finish(): void {
    if (this.search) {
      const { trigger, afterRowid } = this.search;
      this.begin();
      fillRecordSearch(this.database.db, afterRowid);
      optimizeRecordSearch(this.database.db);
      this.database.db.exec(trigger);
      this.search = null;
    }
    this.commit();
    this.database.db.pragma('synchronous = FULL');
    this.database.db.pragma('cache_size = -2000');
    this.database.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  private commit(): void {
    if (!this.open) return;
    this.database.db.exec('COMMIT');
    this.open = false;
  }
}
