import type { ApiKeysRepository } from './ports/ApiKeysRepository.js';
import type { ApprovalsRepository } from './ports/ApprovalsRepository.js';
import type { AuditRepository } from './ports/AuditRepository.js';
import type { CalendarJobsRepository } from './ports/CalendarJobsRepository.js';
import type { DeadlinesRepository } from './ports/DeadlinesRepository.js';
import type { DefinitionsRepository } from './ports/DefinitionsRepository.js';
import type { FilesRepository } from './ports/FilesRepository.js';
import type { FinesRepository } from './ports/FinesRepository.js';
import type { LoginFailuresRepository } from './ports/LoginFailuresRepository.js';
import type { NotificationsRepository } from './ports/NotificationsRepository.js';
import type { RecordsRepository } from './ports/RecordsRepository.js';
import type { SessionsRepository } from './ports/SessionsRepository.js';
import type { UsersRepository } from './ports/UsersRepository.js';
import type { Repositories, Store } from './Store.js';
import type { ChannelsRepository } from './ports/ChannelsRepository.js';
import type { StoreNamesRepository } from './ports/StoreNamesRepository.js';

/**
 * A store made of its repositories. Every flat method of the store (`store.getRecord(id)`, the API
 * before the split by aggregate) forwards to its repository (`store.records.getRecord(id)`), so both
 * adapters compose the same way and callers may use either form.
 */
export abstract class ComposedStore implements Store {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly failedLogins: LoginFailuresRepository;
  readonly apiKeys: ApiKeysRepository;
  readonly definitions: DefinitionsRepository;
  readonly records: RecordsRepository;
  readonly approvals: ApprovalsRepository;
  readonly deadlines: DeadlinesRepository;
  readonly calendarJobs: CalendarJobsRepository;
  readonly fines: FinesRepository;
  readonly notifications: NotificationsRepository;
  readonly audit: AuditRepository;
  readonly files: FilesRepository;
  readonly channels: ChannelsRepository;
  readonly storeNames: StoreNamesRepository;

  constructor(repositories: Repositories) {
    this.users = repositories.users;
    this.sessions = repositories.sessions;
    this.failedLogins = repositories.failedLogins;
    this.apiKeys = repositories.apiKeys;
    this.definitions = repositories.definitions;
    this.records = repositories.records;
    this.approvals = repositories.approvals;
    this.deadlines = repositories.deadlines;
    this.calendarJobs = repositories.calendarJobs;
    this.fines = repositories.fines;
    this.notifications = repositories.notifications;
    this.audit = repositories.audit;
    this.files = repositories.files;
    this.channels = repositories.channels;
    this.storeNames = repositories.storeNames;
  }

  abstract close(): Promise<void>;

  // users
  countUsers(...args: Parameters<UsersRepository['countUsers']>) {
    return this.users.countUsers(...args);
  }
  createUser(...args: Parameters<UsersRepository['createUser']>) {
    return this.users.createUser(...args);
  }
  userByUsername(...args: Parameters<UsersRepository['userByUsername']>) {
    return this.users.userByUsername(...args);
  }
  userById(...args: Parameters<UsersRepository['userById']>) {
    return this.users.userById(...args);
  }
  listUsers(...args: Parameters<UsersRepository['listUsers']>) {
    return this.users.listUsers(...args);
  }
  updateUser(...args: Parameters<UsersRepository['updateUser']>) {
    return this.users.updateUser(...args);
  }
  setUserDeactivated(...args: Parameters<UsersRepository['setUserDeactivated']>) {
    return this.users.setUserDeactivated(...args);
  }

  // sessions
  createSession(...args: Parameters<SessionsRepository['createSession']>) {
    return this.sessions.createSession(...args);
  }
  sessionByHash(...args: Parameters<SessionsRepository['sessionByHash']>) {
    return this.sessions.sessionByHash(...args);
  }
  deleteSession(...args: Parameters<SessionsRepository['deleteSession']>) {
    return this.sessions.deleteSession(...args);
  }
  deleteSessionsOf(...args: Parameters<SessionsRepository['deleteSessionsOf']>) {
    return this.sessions.deleteSessionsOf(...args);
  }
  touchSession(...args: Parameters<SessionsRepository['touchSession']>) {
    return this.sessions.touchSession(...args);
  }
  purgeSessions(...args: Parameters<SessionsRepository['purgeSessions']>) {
    return this.sessions.purgeSessions(...args);
  }

  // failedLogins
  addLoginFailure(...args: Parameters<LoginFailuresRepository['addLoginFailure']>) {
    return this.failedLogins.addLoginFailure(...args);
  }
  loginFailures(...args: Parameters<LoginFailuresRepository['loginFailures']>) {
    return this.failedLogins.loginFailures(...args);
  }
  forgiveLoginFailure(...args: Parameters<LoginFailuresRepository['forgiveLoginFailure']>) {
    return this.failedLogins.forgiveLoginFailure(...args);
  }
  clearLoginFailures(...args: Parameters<LoginFailuresRepository['clearLoginFailures']>) {
    return this.failedLogins.clearLoginFailures(...args);
  }
  purgeLoginFailures(...args: Parameters<LoginFailuresRepository['purgeLoginFailures']>) {
    return this.failedLogins.purgeLoginFailures(...args);
  }

  // apiKeys
  createApiKey(...args: Parameters<ApiKeysRepository['createApiKey']>) {
    return this.apiKeys.createApiKey(...args);
  }
  apiKeyByHash(...args: Parameters<ApiKeysRepository['apiKeyByHash']>) {
    return this.apiKeys.apiKeyByHash(...args);
  }
  listApiKeys(...args: Parameters<ApiKeysRepository['listApiKeys']>) {
    return this.apiKeys.listApiKeys(...args);
  }
  revokeApiKey(...args: Parameters<ApiKeysRepository['revokeApiKey']>) {
    return this.apiKeys.revokeApiKey(...args);
  }

  // definitions
  listDocuments(...args: Parameters<DefinitionsRepository['listDocuments']>) {
    return this.definitions.listDocuments(...args);
  }
  getDocument(...args: Parameters<DefinitionsRepository['getDocument']>) {
    return this.definitions.getDocument(...args);
  }
  saveDraft(...args: Parameters<DefinitionsRepository['saveDraft']>) {
    return this.definitions.saveDraft(...args);
  }
  discardDraft(...args: Parameters<DefinitionsRepository['discardDraft']>) {
    return this.definitions.discardDraft(...args);
  }
  setArchived(...args: Parameters<DefinitionsRepository['setArchived']>) {
    return this.definitions.setArchived(...args);
  }
  publish(...args: Parameters<DefinitionsRepository['publish']>) {
    return this.definitions.publish(...args);
  }
  definitionsGeneration(...args: Parameters<DefinitionsRepository['definitionsGeneration']>) {
    return this.definitions.definitionsGeneration(...args);
  }
  listVersions(...args: Parameters<DefinitionsRepository['listVersions']>) {
    return this.definitions.listVersions(...args);
  }
  getVersion(...args: Parameters<DefinitionsRepository['getVersion']>) {
    return this.definitions.getVersion(...args);
  }

  // records
  writeRecord(...args: Parameters<RecordsRepository['writeRecord']>) {
    return this.records.writeRecord(...args);
  }
  getRecord(...args: Parameters<RecordsRepository['getRecord']>) {
    return this.records.getRecord(...args);
  }
  listRecords(...args: Parameters<RecordsRepository['listRecords']>) {
    return this.records.listRecords(...args);
  }
  pageRecords(...args: Parameters<RecordsRepository['pageRecords']>) {
    return this.records.pageRecords(...args);
  }
  recordCounts(...args: Parameters<RecordsRepository['recordCounts']>) {
    return this.records.recordCounts(...args);
  }
  historyAggregate(...args: Parameters<RecordsRepository['historyAggregate']>) {
    return this.records.historyAggregate(...args);
  }
  tidySearch(...args: Parameters<RecordsRepository['tidySearch']>) {
    return this.records.tidySearch(...args);
  }
  assignedRecords(...args: Parameters<RecordsRepository['assignedRecords']>) {
    return this.records.assignedRecords(...args);
  }
  linkingRecords(...args: Parameters<RecordsRepository['linkingRecords']>) {
    return this.records.linkingRecords(...args);
  }
  impactRows(...args: Parameters<RecordsRepository['impactRows']>) {
    return this.records.impactRows(...args);
  }
  impactRowCount(...args: Parameters<RecordsRepository['impactRowCount']>) {
    return this.records.impactRowCount(...args);
  }
  impactPartition(...args: Parameters<RecordsRepository['impactPartition']>) {
    return this.records.impactPartition(...args);
  }

  // approvals
  listApprovals(...args: Parameters<ApprovalsRepository['listApprovals']>) {
    return this.approvals.listApprovals(...args);
  }
  getApproval(...args: Parameters<ApprovalsRepository['getApproval']>) {
    return this.approvals.getApproval(...args);
  }
  decideApproval(...args: Parameters<ApprovalsRepository['decideApproval']>) {
    return this.approvals.decideApproval(...args);
  }
  pageApprovals(...args: Parameters<ApprovalsRepository['pageApprovals']>) {
    return this.approvals.pageApprovals(...args);
  }
  pendingUnescalated(...args: Parameters<ApprovalsRepository['pendingUnescalated']>) {
    return this.approvals.pendingUnescalated(...args);
  }
  markEscalated(...args: Parameters<ApprovalsRepository['markEscalated']>) {
    return this.approvals.markEscalated(...args);
  }

  // deadlines
  dueDeadlines(...args: Parameters<DeadlinesRepository['dueDeadlines']>) {
    return this.deadlines.dueDeadlines(...args);
  }
  dueReminders(...args: Parameters<DeadlinesRepository['dueReminders']>) {
    return this.deadlines.dueReminders(...args);
  }
  listDeadlines(...args: Parameters<DeadlinesRepository['listDeadlines']>) {
    return this.deadlines.listDeadlines(...args);
  }
  recordBreach(...args: Parameters<DeadlinesRepository['recordBreach']>) {
    return this.deadlines.recordBreach(...args);
  }
  markReminded(...args: Parameters<DeadlinesRepository['markReminded']>) {
    return this.deadlines.markReminded(...args);
  }
  recordBreaches(...args: Parameters<DeadlinesRepository['recordBreaches']>) {
    return this.deadlines.recordBreaches(...args);
  }
  markRemindedBatch(...args: Parameters<DeadlinesRepository['markRemindedBatch']>) {
    return this.deadlines.markRemindedBatch(...args);
  }
  clockWorkerSource() {
    return this.deadlines.clockWorkerSource();
  }
  openDeadlinesOnCalendar(...args: Parameters<DeadlinesRepository['openDeadlinesOnCalendar']>) {
    return this.deadlines.openDeadlinesOnCalendar(...args);
  }
  pageOpenDeadlinesOnCalendar(...args: Parameters<DeadlinesRepository['pageOpenDeadlinesOnCalendar']>) {
    return this.deadlines.pageOpenDeadlinesOnCalendar(...args);
  }
  moveDeadlines(...args: Parameters<DeadlinesRepository['moveDeadlines']>) {
    return this.deadlines.moveDeadlines(...args);
  }
  pageDeadlines(...args: Parameters<DeadlinesRepository['pageDeadlines']>) {
    return this.deadlines.pageDeadlines(...args);
  }
  complianceCounts(...args: Parameters<DeadlinesRepository['complianceCounts']>) {
    return this.deadlines.complianceCounts(...args);
  }

  // calendarJobs
  calendarJob(...args: Parameters<CalendarJobsRepository['calendarJob']>) {
    return this.calendarJobs.calendarJob(...args);
  }
  claimCalendarJob(...args: Parameters<CalendarJobsRepository['claimCalendarJob']>) {
    return this.calendarJobs.claimCalendarJob(...args);
  }
  finishCalendarJob(...args: Parameters<CalendarJobsRepository['finishCalendarJob']>) {
    return this.calendarJobs.finishCalendarJob(...args);
  }

  // fines
  getFine(...args: Parameters<FinesRepository['getFine']>) {
    return this.fines.getFine(...args);
  }
  reverseFine(...args: Parameters<FinesRepository['reverseFine']>) {
    return this.fines.reverseFine(...args);
  }
  listFines(...args: Parameters<FinesRepository['listFines']>) {
    return this.fines.listFines(...args);
  }
  pageFines(...args: Parameters<FinesRepository['pageFines']>) {
    return this.fines.pageFines(...args);
  }
  fineTotals(...args: Parameters<FinesRepository['fineTotals']>) {
    return this.fines.fineTotals(...args);
  }

  // notifications
  postNotification(...args: Parameters<NotificationsRepository['postNotification']>) {
    return this.notifications.postNotification(...args);
  }
  listNotifications(...args: Parameters<NotificationsRepository['listNotifications']>) {
    return this.notifications.listNotifications(...args);
  }
  pageNotifications(...args: Parameters<NotificationsRepository['pageNotifications']>) {
    return this.notifications.pageNotifications(...args);
  }

  // audit
  listAudit(...args: Parameters<AuditRepository['listAudit']>) {
    return this.audit.listAudit(...args);
  }
  pageAudit(...args: Parameters<AuditRepository['pageAudit']>) {
    return this.audit.pageAudit(...args);
  }
  appendAudit(...args: Parameters<AuditRepository['appendAudit']>) {
    return this.audit.appendAudit(...args);
  }

  // files
  putFile(...args: Parameters<FilesRepository['putFile']>) {
    return this.files.putFile(...args);
  }
  getFile(...args: Parameters<FilesRepository['getFile']>) {
    return this.files.getFile(...args);
  }
  recordIdsWithFile(...args: Parameters<FilesRepository['recordIdsWithFile']>) {
    return this.files.recordIdsWithFile(...args);
  }
  fileUsage(...args: Parameters<FilesRepository['fileUsage']>) {
    return this.files.fileUsage(...args);
  }
  deleteOrphanFiles(...args: Parameters<FilesRepository['deleteOrphanFiles']>) {
    return this.files.deleteOrphanFiles(...args);
  }

  // channels
  saveChannel(...args: Parameters<ChannelsRepository['saveChannel']>) {
    return this.channels.saveChannel(...args);
  }
  listChannels(...args: Parameters<ChannelsRepository['listChannels']>) {
    return this.channels.listChannels(...args);
  }
  getChannel(...args: Parameters<ChannelsRepository['getChannel']>) {
    return this.channels.getChannel(...args);
  }
  deleteChannel(...args: Parameters<ChannelsRepository['deleteChannel']>) {
    return this.channels.deleteChannel(...args);
  }
  undeliveredNotices(...args: Parameters<ChannelsRepository['undeliveredNotices']>) {
    return this.channels.undeliveredNotices(...args);
  }
  enqueueDeliveries(...args: Parameters<ChannelsRepository['enqueueDeliveries']>) {
    return this.channels.enqueueDeliveries(...args);
  }
  claimDeliveries(...args: Parameters<ChannelsRepository['claimDeliveries']>) {
    return this.channels.claimDeliveries(...args);
  }
  finishDelivery(...args: Parameters<ChannelsRepository['finishDelivery']>) {
    return this.channels.finishDelivery(...args);
  }
  pageDeliveries(...args: Parameters<ChannelsRepository['pageDeliveries']>) {
    return this.channels.pageDeliveries(...args);
  }
  getDelivery(...args: Parameters<ChannelsRepository['getDelivery']>) {
    return this.channels.getDelivery(...args);
  }
  replayDelivery(...args: Parameters<ChannelsRepository['replayDelivery']>) {
    return this.channels.replayDelivery(...args);
  }
}
