import type Database from 'better-sqlite3';
import { ComposedStore } from '../ComposedStore.js';
import { SqliteApiKeysRepository } from './repositories/ApiKeysRepository.js';
import { SqliteApprovalsRepository } from './repositories/ApprovalsRepository.js';
import { SqliteAuditRepository } from './repositories/AuditRepository.js';
import { SqliteCalendarJobsRepository } from './repositories/CalendarJobsRepository.js';
import { SqliteDeadlinesRepository } from './repositories/DeadlinesRepository.js';
import { SqliteDefinitionsRepository } from './repositories/DefinitionsRepository.js';
import { SqliteFilesRepository } from './repositories/FilesRepository.js';
import { SqliteFinesRepository } from './repositories/FinesRepository.js';
import { SqliteLoginFailuresRepository } from './repositories/LoginFailuresRepository.js';
import { SqliteNotificationsRepository } from './repositories/NotificationsRepository.js';
import { SqliteRecordsRepository } from './repositories/RecordsRepository.js';
import { SqliteSessionsRepository } from './repositories/SessionsRepository.js';
import { SqliteUsersRepository } from './repositories/UsersRepository.js';
import { SqliteDatabase } from './SqliteDatabase.js';
import { SqliteChannelsRepository } from './repositories/ChannelsRepository.js';
import { SqliteStoreNamesRepository } from './repositories/StoreNamesRepository.js';

/**
 * The embedded store: one SQLite file under the data directory (SqliteDatabase: WAL with full sync,
 * a statement cache, transactions), and one repository per aggregate over that handle.
 */
export class SqliteStore extends ComposedStore {
  /** The shared handle (statement cache, transactions) the repositories run on. */
  readonly database: SqliteDatabase;
  /** The better-sqlite3 handle, for queries written as functions of it (store/sqlite/queries/). */
  protected readonly db: Database.Database;
  private readonly recordRepository: SqliteRecordsRepository;

  constructor(dataDir: string) {
    const database = new SqliteDatabase(dataDir);
    const audit = new SqliteAuditRepository(database);
    const fines = new SqliteFinesRepository(database, audit);
    const notifications = new SqliteNotificationsRepository(database);
    const approvals = new SqliteApprovalsRepository(database, audit);
    const deadlines = new SqliteDeadlinesRepository(database, { fines, notifications, audit });
    const files = new SqliteFilesRepository(database);
    const records = new SqliteRecordsRepository(database, { files, approvals, deadlines, fines, notifications, audit });
    super({
      users: new SqliteUsersRepository(database, audit),
      sessions: new SqliteSessionsRepository(database),
      failedLogins: new SqliteLoginFailuresRepository(database),
      apiKeys: new SqliteApiKeysRepository(database),
      definitions: new SqliteDefinitionsRepository(database, audit),
      records,
      approvals,
      deadlines,
      calendarJobs: new SqliteCalendarJobsRepository(database, audit),
      channels: new SqliteChannelsRepository(database),
      storeNames: new SqliteStoreNamesRepository(database),
      fines,
      notifications,
      audit,
      files,
    });
    this.database = database;
    this.db = database.db;
    this.recordRepository = records;
  }

  async close(): Promise<void> {
    this.recordRepository.flush();
    this.database.close();
  }
}
