import type { Approval, AuditEntry, DeadlineRow } from './types.js';

/**
 * Keyset pages of the lists (approvals, notices, deadlines): filters applied by the database before
 * the limit; `after` is the sort key of the last row of the previous page; `more` says whether a
 * next page exists, `total` counts every row the filter matches.
 */
export interface KeysetPage<T> {
  items: T[];
  more: boolean;
  total: number;
  /** The total was counted up to a cap (10,000) and there are more rows: it is a lower bound. */
  capped?: boolean;
}

/** Only rows about records this user may see: their stores, created by or assigned to them. */
export type Visibility = { username: string; stores: string[] };

export interface ApprovalPageFilter {
  state?: Approval['state'];
  approvers?: string[];
  /** With `approvers`: these approvals too, whoever their approver (escalated ones). */
  alsoIds?: string[];
  /** With `approvers`: escalated pending approvals too, whoever their approver (read through an index). */
  alsoEscalated?: boolean;
  recordId?: string;
  /** Only approvals of records this user may see (store scope), applied before the limit. */
  visibleTo?: Visibility;
  limit: number;
  /** [createdAt, id] of the last approval seen (newest first). */
  after?: [string, string];
}

/** A page of the audit log, newest first: one entity's entries, a record's (its own, its approvals' and fines'), or every entry of a kind of entity. */
export interface AuditPageFilter {
  entity?: AuditEntry['entity'];
  entityId?: string;
  /** Entries about this record: its own, its approvals' and its fines' (a record's history). */
  recordId?: string;
  /** Leaves out the entries of these entities, before the limit and in the total (a record's history without its fines for those the ledger is not for). */
  exceptEntities?: readonly AuditEntry['entity'][];
  limit: number;
  /** [id] of the last entry seen (ids grow by one per entry, so newest first is id descending). */
  after?: [number];
}

export interface NotificationPageFilter {
  /** Addressed to one of these policy roles (absent: every role). */
  roles?: string[];
  /** Addressed to the role as a whole or to this person by user name or display name. */
  person?: { username: string; displayName: string };
  visibleTo?: Visibility;
  limit: number;
  /** [at, id] of the last notice seen (newest first). */
  after?: [string, string];
}

export interface DeadlinePageFilter {
  state?: DeadlineRow['state'];
  formId?: string;
  visibleTo?: Visibility;
  limit: number;
  /** [dueAt, recordId, key] of the last deadline seen (soonest due first; no due time first of all). */
  after?: [string | null, string, string];
}

/** A keyset page of records: `total` counts at most a cap of rows (`capped`: there are more, at least `total`). */
export interface RecordPageFilter {
  formId?: string;
  person?: string;
  visibleTo?: Visibility;
  status?: string;
  deadlineState?: DeadlineRow['state'];
  assignee?: string;
  store?: string;
  createdFrom?: string;
  createdTo?: string;
  dataRange?: { field: string; kind: 'date' | 'date-time'; from?: string; to?: string };
  /**
   * What a clerk types: ticket no., customer phone or name, technician… Each word (by spaces) must be
   * in one of the record's short text values: 3 characters or more anywhere in it, 1–2 characters at
   * the start of one of its words (a surname, an area code).
   */
  search?: string;
  limit: number;
  /** [createdAt, id] of the last record seen (newest first). */
  after?: [string, string];
}

export interface CappedPage<T> extends KeysetPage<T> {
  capped: boolean;
}

/** The words of a search, at most 5 of at most 50 characters each. */
export function searchWords(search: string | undefined): string[] {
  return (search ?? '')
    .split(/[\s\u3000]+/)
    .filter((w) => w.length > 0)
    .slice(0, 5)
    .map((w) => [...w].slice(0, 50).join(''));
}

/** Fines of the ledger: by person, month (YYYY-MM, China time), form, record, and the records a user may see. */
export interface FineFilter {
  person?: string;
  month?: string;
  formId?: string;
  /** The fines posted on one record (its page). */
  recordId?: string;
  visibleTo?: Visibility;
  /** Posted at or after / before these instants (the dashboard's months). */
  postedFrom?: string;
  postedBefore?: string;
}

export interface FinePageFilter extends FineFilter {
  limit: number;
  /** [postedAt, id] of the last fine seen (newest first). */
  after?: [string, string];
}

/** A line of the ledger's totals: a person (or, when the rule named none, the role) in a month; count leaves reversals out. */
export interface FineTotalLine {
  person: string;
  payerRole: string;
  month: string;
  count: number;
  total: number;
}

/** The instants a month of China time (UTC+8, no daylight saving) starts and ends at. */
export function monthBounds(month: string): { from: string; before: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const CHINA = 8 * 3_600_000;
  return {
    from: new Date(Date.UTC(y, m - 1, 1) - CHINA).toISOString(),
    before: new Date(Date.UTC(y, m, 1) - CHINA).toISOString(),
  };
}

/** A record field named by a dotted path of plain names (dashboards, history facts): anything else is refused before SQL. */
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Deadlines met and breached, due in [dueFrom, dueTo], counted per China-time week (its Monday) and value of a record field. */
export interface ComplianceFilter {
  formId?: string;
  groupBy: string;
  dueFrom: string;
  dueTo: string;
  visibleTo?: Visibility;
}
export interface ComplianceCount {
  group: string;
  /** Monday of the week, YYYY-MM-DD (China time). */
  week: string;
  state: 'met' | 'breached';
  count: number;
}

/** Records of a form per value of a field (and of a second one), created since a time. */
export interface RecordCountFilter {
  formId: string;
  field: string;
  by?: string;
  createdFrom?: string;
  visibleTo?: Visibility;
}
export interface RecordCount {
  value: string;
  split: string;
  count: number;
}

/** A history fact's figure over stored records (see services/historyFacts.ts): every record, no cap. */
export interface HistoryAggregate {
  formId: string;
  createdFrom: string;
  createdTo: string;
  /** The record being evaluated (its stored copy is left out; the service adds its new data). */
  excludeId: string;
  /** Each compares a field of the data with a resolved value, with strict equality (eq, ne) or as numbers (lt…gte). */
  where: { field: string; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: unknown }[];
  aggregate: 'count' | 'sum';
  /** The field summed: numbers only (others count as 0). */
  field?: string;
}
