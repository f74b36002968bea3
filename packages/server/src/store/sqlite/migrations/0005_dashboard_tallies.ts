import type Database from 'better-sqlite3';
import { createTallies } from '../queries/tallies.js';
import type { SqliteMigration } from './SqliteMigration.js';

/**
 * Dashboard and ledger tallies (queries/tallies.ts): the tables, the triggers that keep them in the
 * writing statement's transaction, the default pack's dashboard views, and every tally filled from
 * the deadlines, records and fines there are, so the dashboards and the month ledger's totals never
 * read record JSON again.
 */
export const dashboardTallies: SqliteMigration = {
  version: 5,
  name: 'dashboard and ledger tallies',
  up(db: Database.Database) {
    createTallies(db);
  },
};
