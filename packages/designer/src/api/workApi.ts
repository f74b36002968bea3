import type { Evaluation, LocalizedText, Outcome } from '@aftersales/engine';
import type { ApiClient } from './ApiClient';

/** A deadline row as the clock keeps it: its live state and the engine's deadline outcome. */
export interface DeadlineRow {
  recordId: string;
  formId: string;
  key: string;
  dueAt: string | null;
  state: 'open' | 'met' | 'breached';
  remindAt: string | null;
  deadline: Outcome['deadlines'][number];
}

export interface RecordBrief {
  id: string;
  formId: string;
  status: string | null;
  store: string | null;
  assignee: string | null;
  createdBy: string;
  createdAt: string;
  data: Record<string, unknown>;
}

export interface RecordListItem extends RecordBrief {
  formVersion: number;
  updatedAt: string;
  rev: number;
  outcome: Outcome;
  deadlines: DeadlineRow[];
}

export interface Guard {
  code: string;
  message: string;
  messageZh?: string;
}

export interface RecordDetail extends RecordBrief {
  formVersion: number;
  ruleSetVersions: Record<string, number>;
  updatedAt: string;
  rev: number;
  evaluation: Evaluation;
  transitions: { to: string; guards: Guard[] }[];
  /** Every approval task of the record, each with what changed since it was asked. */
  approvals: Omit<ApprovalTask, 'record'>[];
  /** In a final state of its flow: read-only. */
  final: boolean;
  deadlines: DeadlineRow[];
  /** The server's clock, for the deadline chips. */
  now: string;
}

/** The answer to a write: the record with its outcome; the explanation is read with `record(id)`. */
export type RecordAnswer = Omit<RecordDetail, 'evaluation'> & { evaluation: Omit<Evaluation, 'explanation'> };

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface ApprovalTask {
  id: string;
  recordId: string;
  formId: string;
  approver: string;
  before: string;
  reason: LocalizedText;
  rule: string;
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
  /** The fields changed in the record since the approval was asked, by label, values in words. */
  changes: FieldChange[];
  changedSinceAsked: boolean;
  /** Whether the record's policy still asks for it (when not, a manager may withdraw it). */
  stillAsked: boolean;
  record: RecordBrief | null;
}

/** A field changed since an approval was asked: its label and both values, in both languages. */
export interface FieldChange {
  pointer: string;
  label: LocalizedText;
  before: LocalizedText;
  after: LocalizedText;
}

/** A notice or reminder for the person: a breach, a reminder before due, a rule's notice. */
export interface NoticeItem {
  id: string;
  at: string;
  role: string;
  person: string | null;
  recordId: string | null;
  message: { 'zh-CN': string; en: string };
  record: RecordBrief | null;
}

export interface FineEntry {
  id: string;
  recordId: string;
  formId: string;
  payerRole: string;
  person: string | null;
  amount: number;
  reason: LocalizedText;
  /** reversal: cancels the fine it `corrects` (negative amount); correction: replaces it. */
  origin: 'rule' | 'breach' | 'reversal' | 'correction';
  postedAt: string;
  corrects?: string | null;
  correctedBy?: string | null;
  note?: string | null;
  /** The record as people name it (form title · key field · local date). */
  recordTitle?: LocalizedText | null;
  /** The person's display name (the fine keeps the user name). */
  personName?: string | null;
}

export interface LedgerLine {
  person: string;
  /** The person's display name. */
  personName?: string;
  payerRole: string;
  month: string;
  count: number;
  total: number;
}

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

export interface FileInfo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
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
    history: (id: string) => client.get<{ items: AuditEntry[] }>(`/records/${encodeURIComponent(id)}/history`),
    approvals: (state: ApprovalTask['state'], cursor?: string) =>
      client.get<Page<ApprovalTask>>('/approvals', { state, ...(cursor ? { cursor } : {}) }),
    decide: (id: string, decision: 'approve' | 'reject', comment: string) =>
      client.post<ApprovalTask>(`/approvals/${encodeURIComponent(id)}/decision`, { decision, comment }),
    withdraw: (id: string, reason: string) => client.post<ApprovalTask>(`/approvals/${encodeURIComponent(id)}/withdrawal`, { reason }),
    deadlines: (state: DeadlineRow['state'], page: { cursor?: string; limit?: number } = {}) =>
      client.get<Page<DeadlineRow & { record: RecordBrief }> & { now: string }>('/deadlines', { state, ...page }),
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
