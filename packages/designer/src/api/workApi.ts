import {
  api,
  type ApprovalItem,
  type DeadlineRow as DeadlineRowSchema,
  type FieldChange as FieldChangeSchema,
  type FileInfo as FileInfoSchema,
  type LedgerItem,
  type LedgerLine as LedgerLineSchema,
  type NoticeItem as NoticeItemSchema,
  type RecordBrief as RecordBriefSchema,
  type RecordListItem as RecordListItemSchema,
  type RecordView,
  type QueryOf,
  type ResponseOf,
  type Static,
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
/** A page of a record's audit log, newest first, with the total (counted up to a cap). */
export type HistoryPage = ResponseOf<typeof api.records.recordHistory>;
export type ApprovalTask = Static<typeof ApprovalItem>;
export type FieldChange = Static<typeof FieldChangeSchema>;
export type NoticeItem = Static<typeof NoticeItemSchema>;
export type FineEntry = Static<typeof LedgerItem>;
export type LedgerLine = Static<typeof LedgerLineSchema>;
export type FileInfo = Static<typeof FileInfoSchema>;

/** The filter of the records list (the contract's query; `mine` as a flag). */
export type RecordQuery = Omit<QueryOf<typeof api.records.listRecords>, 'mine' | 'cursor'> & {
  mine?: boolean;
  /** The page after this cursor (`nextCursor` of the page before). */
  cursor?: string;
};

/** The staff workspace's calls: records, approvals, the overdue board, the fines ledger, dashboards, photos. */
export function workApi(client: ApiClient) {
  const r = api.records;
  const w = api.work;
  return {
    records: ({ mine, ...query }: RecordQuery) =>
      client.call(r.listRecords, { query: { ...query, ...(mine ? { mine: '1' as const } : {}) } }),
    record: async (id: string) => (await client.call(r.getRecord, { params: { id } })) as RecordDetail,
    create: (form: string, data: unknown, store?: string) =>
      client.call(r.createRecord, { body: { form, data: data as Record<string, unknown>, ...(store ? { store } : {}) } }),
    update: (id: string, data: unknown, rev: number) =>
      client.call(r.updateRecord, { params: { id }, body: { data: data as Record<string, unknown>, rev } }),
    transition: (id: string, to: string) => client.call(r.transitionRecord, { params: { id }, body: { to } }),
    /** A page of the record's audit log, newest first (`cursor`: the page after the one it came with). */
    history: (id: string, cursor?: string) => client.call(r.recordHistory, { params: { id }, query: cursor ? { cursor } : {} }),
    approvals: (state: ApprovalTask['state'], page: { cursor?: string; limit?: number } = {}) =>
      client.call(w.approvals, { query: { state, ...page } }),
    decide: (id: string, decision: 'approve' | 'reject', comment: string) =>
      client.call(w.decide, { params: { id }, body: { decision, comment } }),
    withdraw: (id: string, reason: string) => client.call(w.withdraw, { params: { id }, body: { reason } }),
    deadlines: (state: DeadlineRow['state'], page: { cursor?: string; limit?: number } = {}) =>
      client.call(w.deadlines, { query: { state, ...page } }),
    /** Fines of the filter (`record`: those posted on one record), a page at a time (`limit`, the server's 100 when absent), with the sum and count of all of them and the per-person summary. */
    fines: (query: { month?: string; person?: string; form?: string; record?: string; cursor?: string; limit?: number }) =>
      client.call(w.fines, { query }),
    /** Waives a fine (no amount) or corrects it to `amount`, with a reason (the ledger keeps the original). */
    correctFine: (id: string, reason: string, amount?: number) =>
      client.call(w.correctFine, { params: { id }, body: { reason, ...(amount === undefined ? {} : { amount }) } }),
    compliance: (groupBy: string, weeks = 8) => client.call(w.compliance, { query: { groupBy, weeks } }),
    finesPerMonth: (months = 6) => client.call(w.finesPerMonth, { query: { months } }),
    counts: (form: string, field: string, by?: string) => client.call(w.counts, { query: { form, field, ...(by ? { by } : {}) } }),
    notifications: (limit = 10, cursor?: string) => client.call(w.notifications, { query: { limit, ...(cursor ? { cursor } : {}) } }),
    upload: (file: File) => client.upload<FileInfo>(api.pack.upload.path, file),
  };
}

/** Where the browser downloads the ledger export (the session cookie goes along). */
export function finesExportUrl(format: 'csv' | 'xlsx', query: { month?: string; person?: string; lang: string }): string {
  const params = new URLSearchParams({ format, lang: query.lang });
  if (query.month) params.set('month', query.month);
  if (query.person) params.set('person', query.person);
  return `/api/v1/fines/export?${params.toString()}`;
}
