import type { AuditPageFilter, KeysetPage } from '../paging.js';
import type { AuditEntry } from '../types.js';

/** The audit log: who changed what, when, before and after (ids grow by one per entry). */
export interface AuditRepository {
  /** The newest `limit` entries (of an entity), newest first. */
  listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number }): Promise<AuditEntry[]>;
  /** A keyset page, newest first, after the cursor's entry, with the filter's total counted up to a cap (store/paging.ts). */
  pageAudit(filter: AuditPageFilter): Promise<KeysetPage<AuditEntry>>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
}
