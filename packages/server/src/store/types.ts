import type { RecordLink } from './recordLinks.js';
import type { Evaluation, RuleExplanation, RuleTrace } from '@aftersales/engine';
import type { NumberRequest } from './numbering.js';

export type Role = 'admin' | 'manager' | 'staff';
export const ROLES: readonly Role[] = ['admin', 'manager', 'staff'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  /** Policy role ids (rules/roles.json) the user holds, e.g. generalManager, technician. */
  policyRoles: string[];
  stores: string[];
  createdAt: string;
  /** Set while the user is deactivated: they cannot sign in, and their sessions and API keys ended. */
  deactivatedAt?: string;
}

export interface Session {
  tokenHash: string;
  userId: string;
  /** The absolute end of the session (sign-in + the maximum lifetime). */
  expiresAt: string;
  /** The last use, at most a minute stale: the idle timeout counts from here. */
  lastSeenAt: string;
}

/** Failed sign-ins under one key (`account:<user name>` or `address:<client address>`), held in the store for every instance. */
export interface LoginFailures {
  key: string;
  failures: number;
  lastFailureAt: string;
}

export type Scope = 'definitions:read' | 'definitions:write' | 'records:read' | 'records:write';
export const SCOPES: readonly Scope[] = ['definitions:read', 'definitions:write', 'records:read', 'records:write'];

export interface ApiKey {
  id: string;
  name: string;
  keyHash: string;
  scopes: Scope[];
  createdBy: string;
  createdAt: string;
  revoked: boolean;
}

export type DocumentKind = 'form' | 'ruleset' | 'calendar' | 'roles';

export interface PublishedVersion {
  kind: DocumentKind;
  id: string;
  version: number;
  definition: unknown;
  hash: string;
  publishedAt: string;
  publishedBy: string;
  note?: string;
}

export interface DocumentState {
  kind: DocumentKind;
  id: string;
  /** For rule sets: the form they belong to. */
  form?: string;
  archived: boolean;
  published: PublishedVersion | null;
  draft: { definition: unknown; updatedAt: string; updatedBy: string } | null;
}

/**
 * An evaluation as stored with its record: the explanation is kept as its trace (what the
 * evaluation found) and rebuilt from the pinned rule sets on read. Records written before
 * traces keep the explanation itself.
 */
export type StoredEvaluation = Omit<Evaluation, 'explanation'> & { trace?: RuleTrace[]; explanation?: RuleExplanation[] };

export interface StoredRecord {
  id: string;
  formId: string;
  formVersion: number;
  /** Rule set id -> version the record was evaluated with. */
  ruleSetVersions: Record<string, number>;
  status: string | null;
  data: Record<string, unknown>;
  evaluation: StoredEvaluation;
  store: string | null;
  assignee: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency: incremented on every write. */
  rev: number;
}

/** A record as lists show it: everything but its evaluation (a list neither explains nor shows outcomes). */
export type RecordHeader = Omit<StoredRecord, 'evaluation'>;

export interface Approval {
  id: string;
  recordId: string;
  formId: string;
  approver: string;
  before: string;
  reason: { 'zh-CN': string; en: string };
  rule: string;
  /** withdrawn: a manager took it back with a reason (decidedBy, decidedAt, comment) after the policy stopped asking. */
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  createdAt: string;
  /** The record's revision and data when the policy asked (absent on tasks stored before): what changed since is shown to the approver. */
  requestedRev?: number;
  requestedData?: Record<string, unknown>;
  /** When it escalated (nobody in the store holds its role and it waited the configured time); absent before. */
  escalatedAt?: string;
}

export interface DeadlineRow {
  recordId: string;
  formId: string;
  key: string;
  dueAt: string | null;
  state: 'open' | 'met' | 'breached';
  remindAt: string | null;
  reminded: boolean;
  /** The engine's deadline outcome, with its breach fines. */
  deadline: Evaluation['outcome']['deadlines'][number];
  /** The calendar version a calendar publish recomputed the due time with (absent: as the record's write computed it). */
  calendarVersion?: number | null;
}

/** A due-time move of an open deadline, computed with a calendar version (see DeadlineRecompute). */
export interface DeadlineMove {
  recordId: string;
  key: string;
  /** The row as read: the move applies only while it is still so (a record write in between wins). */
  was: { dueAt: string | null; startedAt: string | null };
  dueAt: string | null;
  remindAt: string | null;
  deadline: DeadlineRow['deadline'];
}

/** The background recompute of open deadlines after a calendar version is published. */
export interface CalendarJob {
  calendarId: string;
  version: number;
  state: 'running' | 'done';
  holder: string;
  leaseUntil: string;
  startedAt: string;
  finishedAt: string | null;
  counts: { checked: number; moved: number; breachedNow: number; saved: number } | null;
}

export interface FineEntry {
  id: string;
  /** recordId + origin: a fine is posted once per key, whatever instance posts it. */
  uniqueKey: string;
  recordId: string;
  formId: string;
  payerRole: string;
  person: string | null;
  amount: number;
  reason: { 'zh-CN': string; en: string };
  /** rule, breach: posted by the policy; reversal: cancels `corrects` (negative amount); correction: replaces it. */
  origin: 'rule' | 'breach' | 'reversal' | 'correction';
  postedAt: string;
  /** Reversals and corrections: the fine they reverse or replace (the ledger is append-only). */
  corrects?: string | null;
  /** Reversals and corrections: the manager who made them. */
  correctedBy?: string | null;
  /** Reversals and corrections: why, in the manager's words. */
  note?: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: 'record' | 'definition' | 'user' | 'apiKey' | 'approval' | 'file' | 'fine' | 'calendar';
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /**
   * The record the entry is about, whatever its entity: a record's own entries, those of its
   * approvals (asked, decided, withdrawn, escalated) and of its fines (waived, corrected). A record's
   * history reads by it. Absent on others.
   */
  recordId?: string;
}

export interface Notification {
  id: string;
  at: string;
  role: string;
  person: string | null;
  recordId: string | null;
  message: { 'zh-CN': string; en: string };
  uniqueKey: string;
}

export interface RecordFilter {
  formId?: string;
  createdBy?: string;
  /** Created by or assigned to this person. */
  person?: string;
  /** Only records this user may see: in one of the stores, created by or assigned to them. */
  visibleTo?: { username: string; stores: string[] };
  status?: string;
  deadlineState?: 'open' | 'met' | 'breached';
  assignee?: string;
  store?: string;
  createdFrom?: string;
  createdTo?: string;
  /**
   * A date or date-time field of the record's data within bounds (inclusive): date-time bounds are
   * ISO instants compared as instants (a stored value may carry any offset); date bounds are
   * YYYY-MM-DD. Records without a valid value there are left out. `field` is a dotted path of plain names.
   */
  dataRange?: { field: string; kind: 'date' | 'date-time'; from?: string; to?: string };
  limit: number;
  offset: number;
  /** Keyset paging instead of the offset: [createdAt, id] of the last record seen (newest first). */
  after?: [string, string];
}

/** Everything one record write changes, written atomically. */
export interface RecordWrite {
  record: StoredRecord;
  /** The record as it was (null when created), for the audit log and the concurrency check. */
  previous: StoredRecord | null;
  actor: string;
  action: string;
  approvals: Approval[];
  deadlines: DeadlineRow[];
  fines: FineEntry[];
  notifications: Notification[];
  /** Created records of a numbered form: the number is taken from its counter in the same transaction and written into the data. */
  numbering?: NumberRequest;
  /** The record's link field values (replacing those stored); absent: unchanged. */
  links?: RecordLink[];
  /** Writes of other records this one makes in the same transaction (a visit moving its ticket), each audited. */
  linked?: RecordWrite[];
}

/** A photo or document attached to a record (bytes checked against their declared type on upload). */
export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
  createdBy: string;
  createdAt: string;
}
