import type { MongoDatabase } from '../MongoDatabase.js';

/**
 * One forward-only change to the MongoDB store's collections (indexes, reshaped documents),
 * numbered in order. MongoDB cannot create indexes inside a multi-document transaction on an
 * existing collection, so each migration is written to be safe to run again (createIndex is
 * idempotent, updates are conditional): an instance stopped half way through finishes it on its
 * next start, and two instances starting at once both reach the same state.
 */
export interface MongoMigration {
  version: number;
  name: string;
  up(database: MongoDatabase): Promise<void>;
}
