import type { RecordFilter, RecordWrite, StoredRecord } from '../types.js';

/** Filled-in forms. A write carries everything it changes (approvals, deadlines, fines, notices, audit). */
export interface RecordsRepository {
  /** Writes a record with its approvals, deadlines, fines, notices and audit entry; fails with a conflict when `previous.rev` is stale. */
  writeRecord(write: RecordWrite): Promise<void>;
  getRecord(id: string): Promise<StoredRecord | null>;
  listRecords(filter: RecordFilter): Promise<{ items: StoredRecord[]; total: number }>;
}
