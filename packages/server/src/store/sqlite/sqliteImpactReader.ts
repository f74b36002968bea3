import Database from 'better-sqlite3';
import type { ImpactPartFilter, ImpactPartRow } from '../impactRows.js';
import { impactPartRows } from './queries/impact.js';
import { sqliteFileIn } from './SqliteDatabase.js';

/**
 * The store's SQLite file opened read-only by a worker thread of the impact replay: in WAL mode
 * readers run beside the server's writer and see the last committed state as each statement starts.
 * Nothing is written (no migration, no pragma that writes); opened on first use, closed by `close`.
 */
export function sqliteImpactReader(dataDir: string): { rows(filter: ImpactPartFilter): ImpactPartRow[]; close(): void } {
  let db: Database.Database | null = null;
  return {
    rows(filter) {
      if (!db) {
        db = new Database(sqliteFileIn(dataDir), { readonly: true, fileMustExist: true });
        db.pragma('busy_timeout = 5000');
        // A part reads its rows in creation order, one look-up each, all over the table: keep its pages.
        db.pragma('cache_size = -32768');
      }
      return impactPartRows(db, filter);
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
