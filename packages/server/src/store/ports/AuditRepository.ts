import type { AuditEntry } from '../types.js';

/** The audit log: who changed what, when, before and after (ids grow by one per entry). */
export interface AuditRepository {
  /** Newest first; `beforeId`: only entries older than that one (the next page). */
  listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number; beforeId?: number }): Promise<AuditEntry[]>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
}
