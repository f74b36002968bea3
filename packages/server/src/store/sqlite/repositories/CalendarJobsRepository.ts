import { calendarJobFinished } from '../../auditEntries.js';
import type { CalendarJobsRepository } from '../../ports/CalendarJobsRepository.js';
import type { CalendarJob } from '../../types.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import type { SqliteAuditRepository } from './AuditRepository.js';

export class SqliteCalendarJobsRepository implements CalendarJobsRepository {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly audit: SqliteAuditRepository,
  ) {}

  async calendarJob(calendarId: string, version: number) {
    const row = this.database.stmt('SELECT * FROM calendar_jobs WHERE calendar_id = ? AND version = ?').get(calendarId, version) as
      Row | undefined;
    return row ? toCalendarJob(row) : null;
  }
  async claimCalendarJob(calendarId: string, version: number, holder: string, at: string, leaseUntil: string) {
    return this.database.transaction(() => {
      const inserted = this.database
        .stmt(
          "INSERT OR IGNORE INTO calendar_jobs (calendar_id, version, state, holder, lease_until, started_at) VALUES (?, ?, 'running', ?, ?, ?)",
        )
        .run(calendarId, version, holder, leaseUntil, at).changes;
      if (inserted > 0) return true;
      return (
        this.database
          .stmt(
            `UPDATE calendar_jobs SET holder = ?, lease_until = ? WHERE calendar_id = ? AND version = ? AND state = 'running'
             AND (holder = ? OR lease_until < ?)`,
          )
          .run(holder, leaseUntil, calendarId, version, holder, at).changes > 0
      );
    });
  }
  async finishCalendarJob(calendarId: string, version: number, counts: NonNullable<CalendarJob['counts']>, at: string) {
    return this.database.transaction(() => {
      const changed =
        this.database
          .stmt(
            "UPDATE calendar_jobs SET state = 'done', finished_at = ?, counts = ? WHERE calendar_id = ? AND version = ? AND state = 'running'",
          )
          .run(at, json(counts), calendarId, version).changes > 0;
      if (changed) this.audit.append(calendarJobFinished(calendarId, version, counts, at));
      return changed;
    });
  }
}

function toCalendarJob(row: Row): CalendarJob {
  return {
    calendarId: String(row.calendar_id),
    version: Number(row.version),
    state: String(row.state) as CalendarJob['state'],
    holder: String(row.holder),
    leaseUntil: String(row.lease_until),
    startedAt: String(row.started_at),
    finishedAt: str(row.finished_at),
    counts: row.counts ? parse(row.counts) : null,
  };
}
