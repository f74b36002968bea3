import type { ApprovalPageFilter, DeadlinePageFilter, KeysetPage, NotificationPageFilter } from './paging.js';
import type {
  ApiKey,
  Approval,
  AuditEntry,
  DeadlineRow,
  DocumentKind,
  DocumentState,
  FineEntry,
  Notification,
  PublishedVersion,
  RecordFilter,
  RecordWrite,
  Session,
  StoredFile,
  StoredRecord,
  User,
} from './types.js';

/** One breach of a batch: the deadline with the fines and notices it posts. */
export interface BreachItem {
  row: DeadlineRow;
  fines: FineEntry[];
  notifications: Notification[];
}

/**
 * The storage port. Each method is one atomic unit of work; adapters: store/sqlite (embedded
 * default) and store/mongodb. The contract tests in store/storeContract.ts run against each.
 */
export interface Store {
  close(): Promise<void>;

  countUsers(): Promise<number>;
  createUser(user: User): Promise<void>;
  userByUsername(username: string): Promise<User | null>;
  userById(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  updateUser(user: User): Promise<void>;

  createSession(session: Session): Promise<void>;
  sessionByHash(tokenHash: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user (after a password reset). */
  deleteSessionsOf(userId: string): Promise<void>;

  createApiKey(key: ApiKey): Promise<void>;
  apiKeyByHash(keyHash: string): Promise<ApiKey | null>;
  listApiKeys(): Promise<ApiKey[]>;
  revokeApiKey(id: string): Promise<boolean>;

  listDocuments(kind: DocumentKind): Promise<DocumentState[]>;
  getDocument(kind: DocumentKind, id: string): Promise<DocumentState | null>;
  saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string, at: string): Promise<void>;
  discardDraft(kind: DocumentKind, id: string, actor: string, at: string): Promise<boolean>;
  setArchived(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string): Promise<boolean>;
  /**
   * Publishes several documents at once (all or nothing). A document whose content hash equals its
   * latest version gets no new version. Returns the version each document is at afterwards.
   */
  publish(
    items: { kind: DocumentKind; id: string; definition: unknown; hash: string; note?: string; clearDraft: boolean }[],
    actor: string,
    at: string,
  ): Promise<{ kind: DocumentKind; id: string; version: number; created: boolean }[]>;
  /** Grows whenever published content or archiving changes (any instance): caches compare it. */
  definitionsGeneration(): Promise<number>;
  listVersions(kind: DocumentKind, id: string): Promise<Omit<PublishedVersion, 'definition'>[]>;
  getVersion(kind: DocumentKind, id: string, version: number): Promise<PublishedVersion | null>;

  /** Writes a record with its approvals, deadlines, fines, notices and audit entry; fails with a conflict when `previous.rev` is stale. */
  writeRecord(write: RecordWrite): Promise<void>;
  getRecord(id: string): Promise<StoredRecord | null>;
  listRecords(filter: RecordFilter): Promise<{ items: StoredRecord[]; total: number }>;

  listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }): Promise<Approval[]>;
  getApproval(id: string): Promise<Approval | null>;
  decideApproval(approval: Approval, actor: string): Promise<boolean>;

  /** Open deadlines due at or before `now` (breach candidates) and reminders due. */
  /** At most `limit` of them (all when absent), soonest due first: the clock takes them in bounded batches. */
  dueDeadlines(now: string, limit?: number): Promise<DeadlineRow[]>;
  dueReminders(now: string, limit?: number): Promise<DeadlineRow[]>;
  listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }): Promise<DeadlineRow[]>;
  /** Marks a deadline breached and posts its fines and notices; a second call for the same breach changes nothing. */
  recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string): Promise<boolean>;
  markReminded(row: DeadlineRow, notification: Notification): Promise<boolean>;
  /**
   * A batch of breaches in ONE transaction: each deadline still open becomes breached and its fines,
   * notices and audit entry are posted; one already breached (by another instance, or before a
   * restart) is skipped with nothing posted. Returns how many were breached.
   */
  recordBreaches(items: BreachItem[], at: string): Promise<number>;
  /** A batch of reminders in one transaction; a deadline already reminded is skipped. Returns how many were sent. */
  markRemindedBatch(items: { row: DeadlineRow; notification: Notification }[]): Promise<number>;

  listFines(filter: { person?: string; month?: string; formId?: string }): Promise<FineEntry[]>;
  listNotifications(filter: { roles?: string[]; limit: number }): Promise<Notification[]>;
  /** Newest first; `beforeId`: only entries older than that one (the next page). */
  listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number; beforeId?: number }): Promise<AuditEntry[]>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;

  /** Keyset pages (store/paging.ts): every filter applied by the database, a total, and whether more follow. */
  pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>>;
  pageNotifications(filter: NotificationPageFilter): Promise<KeysetPage<Notification>>;
  pageDeadlines(filter: DeadlinePageFilter): Promise<KeysetPage<DeadlineRow>>;

  putFile(file: StoredFile): Promise<void>;
  getFile(id: string): Promise<StoredFile | null>;
}
