import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * The search indexes stop merging their segments inside record writes (FTS5 automerge 0): that merge
 * work grew with the index and slowed every write of a big store. The clock merges them a bounded
 * number of pages at each tick (queries/records.ts mergeRecordSearch); FTS5's crisis merge still
 * bounds the segments of a level meanwhile.
 */
export const searchMergedByTheClock: SqliteMigration = {
  version: 10,
  name: 'search indexes merged by the clock',
  up(db: Database.Database) {
    db.exec(`
INSERT INTO records_search (records_search, rank) VALUES ('automerge', 0);
INSERT INTO records_words (records_words, rank) VALUES ('automerge', 0);`);
  },
};
