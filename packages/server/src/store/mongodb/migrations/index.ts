import { initial } from './0001_initial.js';
import { queryIndexes } from './0002_query_indexes.js';
import { listIndexesAndSearch } from './0003_list_indexes_and_search.js';
import { fieldWork } from './0004_field_work.js';
import { approvalMarks } from './0005_approval_marks.js';
import { dashboardTallies } from './0006_dashboard_tallies.js';
import { recordListIndex } from './0007_record_list_index.js';
import { recordLinks } from './0008_record_links.js';
import { storeNames } from './0009_store_names.js';
import { deliveryLogIndex } from './0010_delivery_log_index.js';
import { auditByRecord } from './0011_audit_by_record.js';
import { fineEntriesByRecord } from './0012_fine_entries_by_record.js';
import type { MongoMigration } from './MongoMigration.js';

/** Every migration of the MongoDB store, in order (append new ones; never edit one that shipped). */
export const MONGO_MIGRATIONS: readonly MongoMigration[] = [
  initial,
  queryIndexes,
  listIndexesAndSearch,
  fieldWork,
  approvalMarks,
  dashboardTallies,
  recordListIndex,
  recordLinks,
  storeNames,
  deliveryLogIndex,
  auditByRecord,
  fineEntriesByRecord,
];
