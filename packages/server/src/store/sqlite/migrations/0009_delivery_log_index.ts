import type Database from 'better-sqlite3';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * A channel's delivery log is paged by a keyset cursor (created_at, id): its index gains the id, so
 * a page after a cursor is a range of the index (deliveries of the same instant included).
 */
export const deliveryLogIndex: SqliteMigration = {
  version: 9,
  name: 'delivery log paged by cursor',
  up(db: Database.Database) {
    db.exec(`
DROP INDEX IF EXISTS deliveries_channel;
CREATE INDEX IF NOT EXISTS deliveries_channel ON deliveries (channel_id, created_at, id);`);
  },
};
