import type { AssignedFilter } from './assignedRecords.js';
import type { Channel, Delivery } from './channels.js';
import type { ApprovalPageFilter, DeadlinePageFilter, KeysetPage, NotificationPageFilter } from './paging.js';
import type {
  ApiKey,
  Approval,
  AuditEntry,
  CalendarJob,
  DeadlineMove,
  DeadlineRow,
  DocumentKind,
  DocumentState,
  FineEntry,
  LoginFailures,
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
  /** Moves a session's idle clock (the last use). */
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  /** Deletes sessions past their absolute end (`expiresAt <= now`) or idle since `idleSince` (`lastSeenAt <= idleSince`); returns how many. */
  purgeSessions(now: string, idleSince: string): Promise<number>;

  /**
   * Counts one more failed sign-in under `key` at `at` (atomically, so every instance sees it); a count whose
   * last failure is before `forgetBefore` starts again at one. Returns the row after the update.
   */
  addLoginFailure(key: string, at: string, forgetBefore: string): Promise<LoginFailures>;
  loginFailures(keys: string[]): Promise<LoginFailures[]>;
  /** Takes one counted attempt back (a sign-in that succeeded after being counted); never below zero. */
  forgiveLoginFailure(key: string): Promise<void>;
  clearLoginFailures(key: string): Promise<void>;
  /** Deletes counts whose last failure is before `before`; returns how many. */
  purgeLoginFailures(before: string): Promise<number>;
  /**
   * Deactivates (`at` set) or reactivates (`at` null) a user in one unit of work, with an audit entry by `actor`.
   * Deactivating ends the user's sessions and revokes the API keys they created (each audited). Null when there is no such user.
   */
  setUserDeactivated(userId: string, at: string | null, actor: string, now: string): Promise<{ user: User; revokedKeys: string[] } | null>;

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
  /** My jobs: records assigned to a person, outside the excluded statuses, soonest due outstanding deadline first. */
  assignedRecords(filter: AssignedFilter): Promise<StoredRecord[]>;

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

  /** A batch of open deadlines counted on a calendar and not yet recomputed with `version` (or a later one). */
  openDeadlinesOnCalendar(calendarId: string, version: number, limit: number): Promise<DeadlineRow[]>;
  /**
   * Applies due-time moves computed with calendar `version`, each only while its row is still open,
   * as read (`was`), and below that version; marks them with it. Returns how many rows were written.
   */
  moveDeadlines(moves: DeadlineMove[], version: number): Promise<number>;
  calendarJob(calendarId: string, version: number): Promise<CalendarJob | null>;
  /**
   * Starts the recompute job of a calendar version for `holder`, or lets it go on: true when the job
   * is new, already held by `holder`, or its lease ran out (a stopped instance); false when it is
   * done or another holder's lease runs.
   */
  claimCalendarJob(calendarId: string, version: number, holder: string, at: string, leaseUntil: string): Promise<boolean>;
  /** Marks the job done with its counts and one audit entry; false (nothing written) when it was done before. */
  finishCalendarJob(calendarId: string, version: number, counts: NonNullable<CalendarJob['counts']>, at: string): Promise<boolean>;

  getFine(id: string): Promise<FineEntry | null>;
  /**
   * Appends a reversal of a posted fine (and, for a correction, the fine replacing it) with one audit
   * entry, all or nothing. False when that fine was reversed before (nothing is written).
   */
  reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string): Promise<boolean>;
  /** Posts a notice once per `uniqueKey` (whatever instance posts it); true when this call posted it. */
  postNotification(notification: Notification): Promise<boolean>;

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
  /** The records whose data named the file (record writes keep these references; they are never dropped). */
  recordIdsWithFile(fileId: string): Promise<string[]>;
  /** How many files and bytes a person uploaded since a time (the daily upload quota). */
  fileUsage(createdBy: string, since: string): Promise<{ count: number; bytes: number }>;
  /** Deletes files uploaded before `createdBefore` that no record ever named; answers them (without bytes). */
  deleteOrphanFiles(createdBefore: string): Promise<Omit<StoredFile, 'data'>[]>;

  // Outbound notices (services/notices): channels per store and the delivery log.
  saveChannel(channel: Channel): Promise<void>;
  listChannels(store?: string): Promise<Channel[]>;
  getChannel(id: string): Promise<Channel | null>;
  /** Deletes a channel with its delivery log. */
  deleteChannel(id: string): Promise<boolean>;
  /** Notices of records of the channel's store, posted since `since`, the channel has no delivery for yet (oldest first). */
  undeliveredNotices(channel: Channel, since: string, limit: number): Promise<Notification[]>;
  /** Adds deliveries once per channel and notice (any instance); returns how many were new. */
  enqueueDeliveries(deliveries: Delivery[]): Promise<number>;
  /** Takes due pending deliveries under a lease until `leaseUntil`, so one instance sends each. */
  claimDeliveries(now: string, leaseUntil: string, limit: number): Promise<Delivery[]>;
  finishDelivery(
    id: string,
    result: Pick<Delivery, 'state' | 'attempts' | 'nextAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>,
  ): Promise<void>;
  listDeliveries(channelId: string, limit: number): Promise<Delivery[]>;
  getDelivery(id: string): Promise<Delivery | null>;
  /** Sends a delivery again: pending, due `now`, attempts counted afresh. */
  replayDelivery(id: string, now: string): Promise<boolean>;
}
