import type { CappedPage, HistoryAggregate, RecordCount, RecordCountFilter, RecordPageFilter } from '../paging.js';
import type { RecordFilter, RecordHeader, RecordWrite, StoredRecord } from '../types.js';
import type { ImpactPartition, ImpactRow, ImpactRowFilter } from '../impactRows.js';
import type { AssignedFilter, AssignedRecord } from '../assignedRecords.js';

/** Filled-in forms. A write carries everything it changes (approvals, deadlines, fines, notices, audit). */
export interface RecordsRepository {
  /** Writes a record with its approvals, deadlines, fines, notices and audit entry; fails with a conflict when `previous.rev` is stale. */
  writeRecord(write: RecordWrite): Promise<void>;
  getRecord(id: string): Promise<StoredRecord | null>;
  listRecords(filter: RecordFilter): Promise<{ items: StoredRecord[]; total: number }>;
  /**
   * A keyset page of records (filters and search by the database, newest first), its total counted up
   * to a cap; without their evaluations (a list neither explains nor shows outcomes; getRecord has them).
   */
  pageRecords(filter: RecordPageFilter): Promise<CappedPage<RecordHeader>>;
  /**
   * Tidies the search index by up to `pages` pages of work (the clock calls it); true while work
   * remains. A store whose database keeps its own index tidy answers false.
   */
  tidySearch(pages: number): Promise<boolean>;
  /** Dashboards: records of a form per value of a field (and a second), counted by the database. */
  recordCounts(filter: RecordCountFilter): Promise<RecordCount[]>;
  /** A history fact's count or sum over every record of the window (no cap), computed by the database. */
  historyAggregate(query: HistoryAggregate): Promise<number>;
  /** My jobs: records assigned to a person, outside the excluded statuses, soonest due outstanding deadline first; a keyset page. */
  assignedRecords(filter: AssignedFilter): Promise<{ items: AssignedRecord[]; more: boolean }>;
  /** The records whose link fields name this one (a ticket's return visits), newest first, through an index. */
  linkingRecords(toId: string, limit: number): Promise<StoredRecord[]>;
  /** Impact replay (services/impact): the records of one form in a window and scope, newest first, a keyset page at a time. */
  impactRows(filter: ImpactRowFilter): Promise<ImpactRow[]>;
  impactRowCount(filter: Omit<ImpactRowFilter, 'limit' | 'after'>): Promise<number>;
  /**
   * The window cut into parts of about `rowsPerPart` rows (scope left to the readers) and where worker
   * threads read them themselves (`store/impactReader.ts`); null when they cannot (read through `impactRows`).
   */
  impactPartition(filter: Omit<ImpactRowFilter, 'limit' | 'after' | 'fields'>, rowsPerPart: number): Promise<ImpactPartition | null>;
}
