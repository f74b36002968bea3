import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * Field work: automatic numbers (one counter per form, store and day, bumped in the record's own
 * transaction), and outbound notices (channels per store, a delivery per channel and notice).
 * Records by assignee (my jobs) use migration 2's records_assignee.
 */
const FIELD_WORK = `
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS channels (
  id TEXT PRIMARY KEY, store TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, events TEXT NOT NULL, config TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS channels_store ON channels (store, created_at);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, notification_id TEXT NOT NULL, event TEXT NOT NULL, payload TEXT NOT NULL,
  state TEXT NOT NULL, attempts INTEGER NOT NULL, next_at TEXT, lease_until TEXT, last_status INTEGER, last_error TEXT,
  created_at TEXT NOT NULL, delivered_at TEXT, UNIQUE (channel_id, notification_id));
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (state, next_at);
CREATE INDEX IF NOT EXISTS deliveries_channel ON deliveries (channel_id, created_at);
`;

export const fieldWork: SqliteMigration = {
  version: 3,
  name: 'field work: numbers and notice channels',
  up(db: Database.Database) {
    db.exec(FIELD_WORK);
  },
};
