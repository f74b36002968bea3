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
import type { ChannelsRepository } from './ports/ChannelsRepository.js';
import type { StoreNamesRepository } from './ports/StoreNamesRepository.js';

export type { BreachItem } from './ports/DeadlinesRepository.js';

/**
 * The store's repositories, one per aggregate (ports in store/ports/), all over one database handle
 * of the adapter: a unit of work that spans aggregates (a record write posts approvals, deadlines,
 * fines, notices and an audit entry) is one transaction of that handle.
 */
export interface Repositories {
  users: UsersRepository;
  sessions: SessionsRepository;
  failedLogins: LoginFailuresRepository;
  apiKeys: ApiKeysRepository;
  definitions: DefinitionsRepository;
  records: RecordsRepository;
  approvals: ApprovalsRepository;
  deadlines: DeadlinesRepository;
  calendarJobs: CalendarJobsRepository;
  fines: FinesRepository;
  notifications: NotificationsRepository;
  audit: AuditRepository;
  files: FilesRepository;
  channels: ChannelsRepository;
  /** Store names by store id (reached as `store.storeNames`, no flat methods). */
  storeNames: StoreNamesRepository;
}

/**
 * The storage port: the composition of the repositories (`store.records.getRecord(id)`), and, for
 * callers written before the split, every repository method on the store itself (`store.getRecord(id)`
 * forwards to `store.records`; see ComposedStore). Each method is one atomic unit of work; adapters:
 * store/sqlite (embedded default) and store/mongodb. The contract tests in testing/storeContract.ts
 * run against each.
 */
export interface Store
  extends
    Repositories,
    UsersRepository,
    SessionsRepository,
    LoginFailuresRepository,
    ApiKeysRepository,
    DefinitionsRepository,
    RecordsRepository,
    ApprovalsRepository,
    DeadlinesRepository,
    CalendarJobsRepository,
    FinesRepository,
    NotificationsRepository,
    AuditRepository,
    FilesRepository,
    ChannelsRepository {
  close(): Promise<void>;
}
