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
  dueDeadlines(now: string): Promise<DeadlineRow[]>;
  dueReminders(now: string): Promise<DeadlineRow[]>;
  listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }): Promise<DeadlineRow[]>;
  /** Marks a deadline breached and posts its fines and notices; a second call for the same breach changes nothing. */
  recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string): Promise<boolean>;
  markReminded(row: DeadlineRow, notification: Notification): Promise<boolean>;

  /** Posts a notice once per `uniqueKey` (whatever instance posts it); true when this call posted it. */
  postNotification(notification: Notification): Promise<boolean>;

  listFines(filter: { person?: string; month?: string; formId?: string }): Promise<FineEntry[]>;
  listNotifications(filter: { roles?: string[]; limit: number }): Promise<Notification[]>;
  listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number }): Promise<AuditEntry[]>;
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;

  putFile(file: StoredFile): Promise<void>;
  getFile(id: string): Promise<StoredFile | null>;
}
