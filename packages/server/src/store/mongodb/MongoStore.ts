import { ComposedStore } from '../ComposedStore.js';
import { MONGO_MIGRATIONS } from './migrations/index.js';
import { migrateMongo } from './migrations/migrateMongo.js';
import { MongoDatabase } from './MongoDatabase.js';
import { MongoApiKeysRepository } from './repositories/ApiKeysRepository.js';
import { MongoApprovalsRepository } from './repositories/ApprovalsRepository.js';
import { MongoAuditRepository } from './repositories/AuditRepository.js';
import { MongoCalendarJobsRepository } from './repositories/CalendarJobsRepository.js';
import { MongoDeadlinesRepository } from './repositories/DeadlinesRepository.js';
import { MongoDefinitionsRepository } from './repositories/DefinitionsRepository.js';
import { MongoFilesRepository } from './repositories/FilesRepository.js';
import { MongoFinesRepository } from './repositories/FinesRepository.js';
import { MongoLoginFailuresRepository } from './repositories/LoginFailuresRepository.js';
import { MongoNotificationsRepository } from './repositories/NotificationsRepository.js';
import { MongoRecordsRepository } from './repositories/RecordsRepository.js';
import { MongoSessionsRepository } from './repositories/SessionsRepository.js';
import { MongoUsersRepository } from './repositories/UsersRepository.js';
import { MongoChannelsRepository } from './repositories/ChannelsRepository.js';
import { MongoStoreNamesRepository } from './repositories/StoreNamesRepository.js';
import { MongoTallies } from './tallies.js';

/**
 * The production and scale-out store on the official `mongodb` driver: one repository per aggregate
 * over one connection (MongoDatabase). Multi-document writes run in transactions (a replica set is
 * required, as for any MongoDB deployment in production); records use optimistic concurrency on
 * `rev`; fines and notices are upserted by unique key, so posting twice is harmless. Indexes and
 * collection changes are versioned migrations (migrations/), applied on connect.
 */
export class MongoStore extends ComposedStore {
  private constructor(
    /** The shared connection the repositories run on. */
    readonly database: MongoDatabase,
  ) {
    const audit = new MongoAuditRepository(database);
    const tallies = new MongoTallies(database);
    const fines = new MongoFinesRepository(database, audit, tallies);
    const notifications = new MongoNotificationsRepository(database);
    const approvals = new MongoApprovalsRepository(database, audit);
    const deadlines = new MongoDeadlinesRepository(database, { fines, notifications, audit, tallies });
    const files = new MongoFilesRepository(database);
    super({
      users: new MongoUsersRepository(database, audit),
      sessions: new MongoSessionsRepository(database),
      failedLogins: new MongoLoginFailuresRepository(database),
      apiKeys: new MongoApiKeysRepository(database),
      definitions: new MongoDefinitionsRepository(database, audit),
      records: new MongoRecordsRepository(database, { files, approvals, deadlines, fines, notifications, audit, tallies }),
      approvals,
      deadlines,
      calendarJobs: new MongoCalendarJobsRepository(database, audit),
      channels: new MongoChannelsRepository(database),
      storeNames: new MongoStoreNamesRepository(database),
      fines,
      notifications,
      audit,
      files,
    });
  }

  static async connect(uri: string): Promise<MongoStore> {
    const database = await MongoDatabase.connect(uri);
    try {
      await migrateMongo(database, MONGO_MIGRATIONS);
    } catch (error) {
      await database.close();
      throw error;
    }
    return new MongoStore(database);
  }

  /** The driver's database, for queries written as functions of it (store/mongodb/queries/). */
  protected get db() {
    return this.database.db;
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
