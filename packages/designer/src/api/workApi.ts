import type {
  ApprovalItem,
  AuditEntry as AuditEntrySchema,
  DeadlineItem,
  DeadlineRow as DeadlineRowSchema,
  FieldChange as FieldChangeSchema,
  FileInfo as FileInfoSchema,
  LedgerItem,
  LedgerLine as LedgerLineSchema,
  NoticeItem as NoticeItemSchema,
  RecordBrief as RecordBriefSchema,
  RecordListItem as RecordListItemSchema,
  RecordView,
  Static,
} from '@aftersales/contract';
import type { Evaluation } from '@aftersales/engine';
import type { ApiClient } from './ApiClient';

/** The staff area's shapes are the contract's (packages/contract): nothing here is written twice. */
export type DeadlineRow = Static<typeof DeadlineRowSchema>;
export type RecordBrief = Static<typeof RecordBriefSchema>;
export type RecordListItem = Static<typeof RecordListItemSchema>;
/** A record read one by one: with its explanation. */
export type RecordDetail = Omit<Static<typeof RecordView>, 'evaluation'> & { evaluation: Evaluation };
/** The answer to a write: the record with its outcome; the explanation is read with `record(id)`. */
export type RecordAnswer = Static<typeof RecordView>;
export type AuditEntry = Static<typeof AuditEntrySchema>;
export type ApprovalTask = Static<typeof ApprovalItem>;
export type FieldChange = Static<typeof FieldChangeSchema>;
export type NoticeItem = Static<typeof NoticeItemSchema>;
export type FineEntry = Static<typeof LedgerItem>;
export type LedgerLine = Static<typeof LedgerLineSchema>;
export type FileInfo = Static<typeof FileInfoSchema>;
export type DeadlineWithRecord = Static<typeof DeadlineItem>;

export interface RecordQuery {
  form?: string;
  status?: string;
  deadline?: 'open' | 'met' | 'breached';
  person?: string;
  mine?: boolean;
  /** Local dates (YYYY-MM-DD) of the store's time zone. */
  from?: string;
  to?: string;
  /** A date or date-time field of the form the dates are of (default: when the record was created). */
  dateField?: string;
  /** Words to find: ticket no., customer phone or name, technician. */
  q?: string;
  limit?: number;
  /** The page after this cursor (`nextCursor` of the page before). */
  cursor?: string;
}

/** A page of a list: the rows, how many there are in all, and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** The staff workspace's calls: records, approvals, the overdue board, the fines ledger, dashboards, photos. */
export function workApi(client: ApiClient) {
  return {
    records: (query: RecordQuery) =>
      client.get<{ items: RecordListItem[]; total: number; totalCapped: boolean; nextCursor: string | null; now: string }>('/records', {
        ...query,
        mine: query.mine ? 1 : undefined,
      }),
    record: (id: string) => client.get<RecordDetail>(`/records/${encodeURIComponent(id)}`),
    create: (form: string, data: unknown, store?: string) =>
      client.post<RecordAnswer>('/records', { form, data, ...(store ? { store } : {}) }),
    update: (id: string, data: unknown, rev: number) => client.put<RecordAnswer>(`/records/${encodeURIComponent(id)}`, { data, rev }),
    transition: (id: string, to: string) => client.post<RecordAnswer>(`/records/${encodeURIComponent(id)}/transitions`, { to }),
    /** A page of the record's audit log, newest first (`cursor`: the page after the one it came with). */
    history: (id: string, cursor?: string) =>
      client.get<Page<AuditEntry> & { totalCapped: boolean }>(`/records/${encodeURIComponent(id)}/history`, cursor ? { cursor } : {}),
    approvals: (state: ApprovalTask['state'], cursor?: string) =>
      client.get<Page<ApprovalTask>>('/approvals', { state, ...(cursor ? { cursor } : {}) }),
    decide: (id: string, decision: 'approve' | 'reject', comment: string) =>
      client.post<ApprovalTask>(`/approvals/${encodeURIComponent(id)}/decision`, { decision, comment }),
    withdraw: (id: string, reason: string) => client.post<ApprovalTask>(`/approvals/${encodeURIComponent(id)}/withdrawal`, { reason }),
    deadlines: (state: DeadlineRow['state'], page: { cursor?: string; limit?: number } = {}) =>
      client.get<Page<DeadlineWithRecord> & { now: string }>('/deadlines', { state, ...page }),
    fines: (query: { month?: string; person?: string; form?: string; cursor?: string }) =>
      client.get<{
        items: FineEntry[];
        /** Sum of every fine of the filter (not only this page). */
        total: number;
        summary: LedgerLine[];
        /** How many fines the filter has, counted up to 10,000 (countCapped: more). */
        count: number;
        countCapped: boolean;
        nextCursor: string | null;
      }>('/fines', { ...query, limit: 100 }),
    /** Waives a fine (no amount) or corrects it to `amount`, with a reason (the ledger keeps the original). */
    correctFine: (id: string, reason: string, amount?: number) =>
      client.post<{ reversal: FineEntry; replacement: FineEntry | null }>(`/fines/${encodeURIComponent(id)}/corrections`, {
        reason,
        ...(amount === undefined ? {} : { amount }),
      }),
    compliance: (groupBy: string, weeks = 8) =>
      client.get<{ weeks: string[]; series: { group: string; met: number[]; breached: number[]; rate: (number | null)[] }[] }>(
        '/dashboard/compliance',
        { groupBy, weeks },
      ),
    finesPerMonth: (months = 6) => client.get<{ months: string[]; count: number[]; total: number[] }>('/dashboard/fines', { months }),
    counts: (form: string, field: string, by?: string) =>
      client.get<{ total: number; counts: Record<string, Record<string, number>> }>('/dashboard/counts', { form, field, by }),
    notifications: (limit = 10, cursor?: string) =>
      client.get<Page<NoticeItem>>('/notifications', { limit, ...(cursor ? { cursor } : {}) }),
    upload: (file: File) => client.upload<FileInfo>('/files', file),
  };
}

/** Where the browser downloads the ledger export (the session cookie goes along). */
export function finesExportUrl(format: 'csv' | 'xlsx', query: { month?: string; person?: string; lang: string }): string {
  const params = new URLSearchParams({ format, lang: query.lang });
  if (query.month) params.set('month', query.month);
  if (query.person) params.set('person', query.person);
  return `/api/v1/fines/export?${params.toString()}`;
}
