import type { Approval, DeadlineRow } from './types.js';

/**
 * Keyset pages of the lists (approvals, notices, deadlines): filters applied by the database before
 * the limit; `after` is the sort key of the last row of the previous page; `more` says whether a
 * next page exists, `total` counts every row the filter matches.
 */
export interface KeysetPage<T> {
  items: T[];
  more: boolean;
  total: number;
}

/** Only rows about records this user may see: their stores, created by or assigned to them. */
export type Visibility = { username: string; stores: string[] };

export interface ApprovalPageFilter {
  state?: Approval['state'];
  approvers?: string[];
  /** With `approvers`: these approvals too, whoever their approver (escalated ones). */
  alsoIds?: string[];
  recordId?: string;
  /** Only approvals of records this user may see (store scope), applied before the limit. */
  visibleTo?: Visibility;
  limit: number;
  /** [createdAt, id] of the last approval seen (newest first). */
  after?: [string, string];
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
  /** The filter matches more rows than were counted: `total` is a lower bound. */
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
