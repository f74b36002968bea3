import { pageOpenDeadlinesOnCalendar } from '../queries/deadlines.js';
import type { ClientSession, Document } from 'mongodb';
import { deadlineBreached } from '../../auditEntries.js';
import { breachNotices } from '../../breachNotices.js';
import { rewriteDeadlines } from '../../deadlineRewrite.js';
import type { BreachItem, DeadlinesRepository } from '../../ports/DeadlinesRepository.js';
import type { DeadlinePageFilter, KeysetPage } from '../../paging.js';
import type { DeadlineMove, DeadlineRow, FineEntry, Notification } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import { visibleRecordIds } from '../visibleRecordIds.js';
import type { MongoAuditRepository } from './AuditRepository.js';
import type { MongoFinesRepository } from './FinesRepository.js';
import type { MongoNotificationsRepository } from './NotificationsRepository.js';
import type { ComplianceFilter } from '../../paging.js';
import * as dashboard from '../queries/dashboard.js';
import type { MongoTallies } from '../tallies.js';

export class MongoDeadlinesRepository implements DeadlinesRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly posting: {
      fines: MongoFinesRepository;
      notifications: MongoNotificationsRepository;
      audit: MongoAuditRepository;
      /** Compliance tallies: a breach counts in the transaction that records it. */
      tallies: MongoTallies;
    },
  ) {}

  async dueDeadlines(now: string, limit?: number) {
    return (
      await this.database
        .col('deadlines')
        .find({ state: 'open', dueAt: { $ne: null, $lte: now } })
        .sort({ dueAt: 1 })
        .limit(limit ?? 0)
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async dueReminders(now: string, limit?: number) {
    return (
      await this.database
        .col('deadlines')
        .find({ state: 'open', reminded: false, remindAt: { $ne: null, $lte: now } })
        .sort({ remindAt: 1 })
        .limit(limit ?? 0)
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }) {
    return (
      await this.database
        .col('deadlines')
        .find({
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.formId ? { formId: filter.formId } : {}),
          ...(filter.recordIds ? { recordId: { $in: filter.recordIds } } : {}),
        })
        .sort({ dueAt: 1 })
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string) {
    return this.database.transaction(async (session) => {
      if (!(await this.markBreached(row, session))) return false;
      await this.posting.tallies.deadlinesBreached([row], session);
      for (const fine of fines) await this.posting.fines.upsert(fine, session);
      for (const n of breachNotices({ row, notifications })) await this.posting.notifications.upsert(n, session);
      await this.posting.audit.append(deadlineBreached(row, fines, at), session);
      return true;
    });
  }
  async recordBreaches(items: BreachItem[], at: string) {
    if (items.length === 0) return 0;
    return this.database.transaction(async (session) => {
      const breached: BreachItem[] = [];
      for (const item of items) if (await this.markBreached(item.row, session)) breached.push(item);
      if (breached.length === 0) return 0;
      await this.posting.tallies.deadlinesBreached(
        breached.map((b) => b.row),
        session,
      );
      await this.posting.fines.upsertMany(
        breached.flatMap((b) => b.fines),
        session,
      );
      await this.posting.notifications.upsertMany(breached.flatMap(breachNotices), session);
      await this.posting.audit.appendMany(
        breached.map(({ row, fines }) => deadlineBreached(row, fines, at)),
        session,
      );
      return breached.length;
    });
  }
  /** An open deadline becomes breached; false when it was not open (breached by another instance, or before). */
  private async markBreached(row: DeadlineRow, session: ClientSession): Promise<boolean> {
    const result = await this.database
      .col('deadlines')
      .updateOne({ recordId: row.recordId, key: row.key, state: 'open' }, { $set: { state: 'breached' } }, { session });
    return result.modifiedCount > 0;
  }
  async markRemindedBatch(items: { row: DeadlineRow; notification: Notification }[]) {
    if (items.length === 0) return 0;
    return this.database.transaction(async (session) => {
      let reminded = 0;
      for (const { row, notification } of items) if (await this.remindOne(row, notification, session)) reminded++;
      return reminded;
    });
  }
  async markReminded(row: DeadlineRow, notification: Notification) {
    return this.database.transaction((session) => this.remindOne(row, notification, session));
  }
  /** The driver's calls wait on the network, not on the event loop: the clock's batches stay in this thread. */
  clockWorkerSource() {
    return null;
  }
  private async remindOne(row: DeadlineRow, notification: Notification, session: ClientSession): Promise<boolean> {
    const changed =
      (
        await this.database
          .col('deadlines')
          .updateOne({ recordId: row.recordId, key: row.key, reminded: false }, { $set: { reminded: true } }, { session })
      ).modifiedCount > 0;
    if (changed) await this.posting.notifications.upsert(notification, session);
    return changed;
  }
  async openDeadlinesOnCalendar(calendarId: string, version: number, limit: number, after?: [string, string]) {
    const cursor = after ? [{ $or: [{ recordId: { $gt: after[0] } }, { recordId: after[0], key: { $gt: after[1] } }] }] : [];
    return (
      await this.database
        .col('deadlines')
        .find({
          state: 'open',
          'deadline.calendar': calendarId,
          $and: [{ $or: [{ calendarVersion: null }, { calendarVersion: { $lt: version } }] }, ...cursor],
        })
        .sort({ recordId: 1, key: 1 })
        .limit(limit)
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async pageOpenDeadlinesOnCalendar(calendarId: string, limit: number, after?: [string, string]) {
    return pageOpenDeadlinesOnCalendar(this.database.db, calendarId, limit, after);
  }
  async moveDeadlines(moves: DeadlineMove[], version: number) {
    return this.database.transaction(async (session) => {
      let written = 0;
      for (const m of moves)
        written += (
          await this.database.col('deadlines').updateOne(
            {
              recordId: m.recordId,
              key: m.key,
              state: 'open',
              $or: [{ calendarVersion: null }, { calendarVersion: { $lt: version } }],
              dueAt: m.was.dueAt,
              'deadline.startedAt': m.was.startedAt,
            },
            { $set: { dueAt: m.dueAt, remindAt: m.remindAt, deadline: m.deadline, calendarVersion: version } },
            { session },
          )
        ).modifiedCount;
      return written;
    });
  }
  async complianceCounts(filter: ComplianceFilter) {
    return dashboard.complianceCounts(this.database.db, filter, this.posting.tallies);
  }
  async pageDeadlines(filter: DeadlinePageFilter): Promise<KeysetPage<DeadlineRow>> {
    const query: Document = {};
    if (filter.state) query.state = filter.state;
    if (filter.formId) query.formId = filter.formId;
    if (filter.visibleTo) query.recordId = { $in: await visibleRecordIds(this.database, filter.visibleTo) };
    const after = filter.after;
    const tie = after ? { $or: [{ recordId: { $gt: after[1] } }, { recordId: after[1], key: { $gt: after[2] } }] } : null;
    // MongoDB sorts a missing due time (null) first, as SQLite does.
    const cursor = !after
      ? null
      : after[0] === null
        ? { $or: [{ dueAt: { $ne: null } }, { $and: [{ dueAt: null }, tie] }] }
        : { $or: [{ dueAt: { $gt: after[0] } }, { $and: [{ dueAt: after[0] }, tie] }] };
    return keysetPage<DeadlineRow>(this.database, 'deadlines', query, cursor, { dueAt: 1, recordId: 1, key: 1 }, filter.limit);
  }

  /**
   * A record write's deadlines, in the write's transaction: a breach already recorded stays breached
   * (its fines are posted once), every other deadline is replaced (rewriteDeadlines).
   */
  async rewrite(recordId: string, computed: readonly DeadlineRow[], session: ClientSession): Promise<void> {
    const breached = new Map(
      (await this.database.col('deadlines').find({ recordId, state: 'breached' }, { session }).toArray()).map(
        (d) => [String(d.key), plain<DeadlineRow>(d)!.deadline] as const,
      ),
    );
    const { insert, metAtUpdates } = rewriteDeadlines(breached, computed);
    for (const { key, deadline } of metAtUpdates)
      await this.database.col('deadlines').updateOne({ recordId, key, state: 'breached' }, { $set: { deadline } }, { session });
    await this.database.col('deadlines').deleteMany({ recordId, state: { $ne: 'breached' } }, { session });
    // Copies: the driver adds an _id to what it inserts.
    if (insert.length > 0)
      await this.database.col('deadlines').insertMany(
        insert.map((d) => ({ ...d })),
        { session },
      );
  }
}
