import type Database from 'better-sqlite3';
import { ensureRecordSearch } from '../queries/records.js';
import type { SqliteMigration } from './SqliteMigration.js';

/** Indexes of the keyset record and ledger lists (one per filter, see queries/), and the ledger totals' covering index. */
const LIST_INDEXES = `
CREATE INDEX IF NOT EXISTS records_form_created ON records (form_id, created_at, id);
CREATE INDEX IF NOT EXISTS records_form_status ON records (form_id, status, created_at, id);
CREATE INDEX IF NOT EXISTS records_store_created ON records (store, created_at, id);
CREATE INDEX IF NOT EXISTS records_creator ON records (created_by, created_at, id);
CREATE INDEX IF NOT EXISTS records_assignee ON records (assignee, created_at, id);
CREATE INDEX IF NOT EXISTS fines_form ON fines (form_id, posted_at, id);
CREATE INDEX IF NOT EXISTS fines_totals ON fines (posted_at, person, payer_role, origin, amount);`;

/** Keyset lists of records and fines, and record search (FTS5 tables kept by triggers, filled from the records there are). */
export const listIndexesAndSearch: SqliteMigration = {
  version: 2,
  name: 'list indexes and record search',
  up(db: Database.Database) {
    db.exec(LIST_INDEXES);
    ensureRecordSearch(db);
  },
};
