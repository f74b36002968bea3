import type Database from 'better-sqlite3';
import { prepared } from './prepared.js';

/**
 * The next value of a counter, in the caller's transaction: one atomic upsert (the first write of
 * the transaction takes SQLite's write lock, so two connections on one file never get the same value).
 */
export function nextCounter(db: Database.Database, key: string): number {
  const row = prepared(
    db,
    'INSERT INTO counters (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value',
  ).get(key) as { value: number };
  return Number(row.value);
}
