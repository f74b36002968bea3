import { MongoServerError } from 'mongodb';
import { calendarJobFinished } from '../../auditEntries.js';
import type { CalendarJobsRepository } from '../../ports/CalendarJobsRepository.js';
import type { CalendarJob } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import type { MongoAuditRepository } from './AuditRepository.js';

export class MongoCalendarJobsRepository implements CalendarJobsRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly audit: MongoAuditRepository,
  ) {}

  async calendarJob(calendarId: string, version: number) {
    return plain<CalendarJob>(await this.database.col('calendarJobs').findOne({ calendarId, version }));
  }
  async claimCalendarJob(calendarId: string, version: number, holder: string, at: string, leaseUntil: string) {
    try {
      const claimed = await this.database
        .col('calendarJobs')
        .findOneAndUpdate(
          { calendarId, version, state: 'running', $or: [{ holder }, { leaseUntil: { $lt: at } }] },
          { $set: { holder, leaseUntil } },
        );
      if (claimed) return true;
      const job: CalendarJob = { calendarId, version, state: 'running', holder, leaseUntil, startedAt: at, finishedAt: null, counts: null };
      await this.database.col('calendarJobs').insertOne({ ...job });
      return true;
    } catch (error) {
      // Another instance created it first (unique calendarId + version).
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }
  async finishCalendarJob(calendarId: string, version: number, counts: NonNullable<CalendarJob['counts']>, at: string) {
    return this.database.transaction(async (session) => {
      const changed =
        (
          await this.database
            .col('calendarJobs')
            .updateOne({ calendarId, version, state: 'running' }, { $set: { state: 'done', finishedAt: at, counts } }, { session })
        ).modifiedCount > 0;
      if (changed) await this.audit.append(calendarJobFinished(calendarId, version, counts, at), session);
      return changed;
    });
  }
}
