import { initial } from './0001_initial.js';
import { listIndexesAndSearch } from './0002_list_indexes_and_search.js';
import { fieldWork } from './0003_field_work.js';
import { approvalMarks } from './0004_approval_marks.js';
import { dashboardTallies } from './0005_dashboard_tallies.js';
import { recordListIndex } from './0006_record_list_index.js';
import { recordLinks } from './0007_record_links.js';
import { storeNames } from './0008_store_names.js';
import { deliveryLogIndex } from './0009_delivery_log_index.js';
import { searchMergedByTheClock } from './0010_search_merged_by_the_clock.js';
import { auditByRecord } from './0011_audit_by_record.js';
import { fineEntriesByRecord } from './0012_fine_entries_by_record.js';
import type { SqliteMigration } from './SqliteMigration.js';

/** Every migration of the SQLite store, in order. Append new ones (the next number: 00NN_<name>.ts); never edit one that shipped. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  initial,
  listIndexesAndSearch,
  fieldWork,
  approvalMarks,
  dashboardTallies,
  recordListIndex,
  recordLinks,
  storeNames,
  deliveryLogIndex,
  searchMergedByTheClock,
  auditByRecord,
  fineEntriesByRecord,
];
