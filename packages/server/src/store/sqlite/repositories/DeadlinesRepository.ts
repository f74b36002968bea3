import { pageOpenDeadlinesOnCalendar } from '../queries/deadlines.js';
import { deadlineBreached } from '../../auditEntries.js';
import { breachNotices } from '../../breachNotices.js';
import { rewriteDeadlines } from '../../deadlineRewrite.js';
import type { BreachItem, DeadlinesRepository } from '../../ports/DeadlinesRepository.js';
import type { DeadlinePageFilter, KeysetPage } from '../../paging.js';
import type { DeadlineMove, DeadlineRow, FineEntry, Notification } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import { visibleRecord, visibleRecordIds, Where } from '../where.js';
import type { SqliteAuditRepository } from './AuditRepository.js';
import type { SqliteFinesRepository } from './FinesRepository.js';
import type { SqliteNotificationsRepository } from './NotificationsRepository.js';
import type { ComplianceFilter } from '../../paging.js';
import * as dashboard from '../queries/dashboard.js';

export class SqliteDeadlinesRepository implements DeadlinesRepository {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly posting: { fines: SqliteFinesRepository; notifications: SqliteNotificationsRepository; audit: SqliteAuditRepository },
  ) {}

  async dueDeadlines(now: string, limit = -1) {
    return (
      this.database
        .stmt("SELECT * FROM deadlines WHERE state = 'open' AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?")
        .all(now, limit) as Row[]
    ).map(toDeadline);
  }
  async dueReminders(now: string, limit = -1) {
    return (
      this.database
        .stmt(
          "SELECT * FROM deadlines WHERE state = 'open' AND reminded = 0 AND remind_at IS NOT NULL AND remind_at <= ? ORDER BY remind_at LIMIT ?",
        )
        .all(now, limit) as Row[]
    ).map(toDeadline);
  }
  async listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }) {
    const rows = (
      filter.recordIds
        ? filter.recordIds.length === 0
          ? []
          : this.database
              .stmt('SELECT * FROM deadlines WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY due_at')
              .all(json(filter.recordIds))
        : this.database.stmt('SELECT * FROM deadlines ORDER BY due_at').all()
    ) as Row[];
    return rows
      .map(toDeadline)
      .filter((d) => (!filter.state || d.state === filter.state) && (!filter.formId || d.formId === filter.formId));
  }
  async recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string) {
    return this.database.transaction(() => this.breachOne({ row, fines, notifications }, at));
  }
  async recordBreaches(items: BreachItem[], at: string) {
    return this.database.clockBatch(() => items.filter((item) => this.breachOne(item, at)).length);
  }
  /** Marks one open deadline breached with its fines, notices and audit entry (inside a transaction); false when it was not open. */
  private breachOne(item: BreachItem, at: string): boolean {
    const { row, fines } = item;
    const changed =
      this.database
        .stmt("UPDATE deadlines SET state = 'breached' WHERE record_id = ? AND key = ? AND state = 'open'")
        .run(row.recordId, row.key).changes > 0;
    if (!changed) return false;
    for (const f of fines) this.posting.fines.insert(f);
    for (const n of breachNotices(item)) this.posting.notifications.insert(n);
    this.posting.audit.append(deadlineBreached(row, fines, at));
    return true;
  }
  async markReminded(row: DeadlineRow, notification: Notification) {
    return this.database.transaction(() => this.remindOne(row, notification));
  }
  async markRemindedBatch(items: { row: DeadlineRow; notification: Notification }[]) {
    return this.database.clockBatch(() => items.filter(({ row, notification }) => this.remindOne(row, notification)).length);
  }
  clockWorkerSource() {
    return { adapter: 'sqlite' as const, dataDir: this.database.dataDir };
  }
  private remindOne(row: DeadlineRow, notification: Notification): boolean {
    const changed =
      this.database.stmt('UPDATE deadlines SET reminded = 1 WHERE record_id = ? AND key = ? AND reminded = 0').run(row.recordId, row.key)
        .changes > 0;
    if (changed) this.posting.notifications.insert(notification);
    return changed;
  }
  async openDeadlinesOnCalendar(calendarId: string, version: number, limit: number, after?: [string, string]) {
    return (
      this.database
        .stmt(
          `SELECT * FROM deadlines WHERE state = 'open' AND json_extract(deadline, '$.calendar') = ?
           AND (calendar_version IS NULL OR calendar_version < ?)${after ? ' AND (record_id, key) > (?, ?)' : ''} ORDER BY record_id, key LIMIT ?`,
        )
        .all(calendarId, version, ...(after ?? []), limit) as Row[]
    ).map(toDeadline);
  }
  async pageOpenDeadlinesOnCalendar(calendarId: string, limit: number, after?: [string, string]) {
    return pageOpenDeadlinesOnCalendar(this.database.db, calendarId, limit, after).map(toDeadline);
  }
  async moveDeadlines(moves: DeadlineMove[], version: number) {
    return this.database.transaction(() => {
      let written = 0;
      for (const m of moves)
        written += this.database
          .stmt(
            `UPDATE deadlines SET due_at = ?, remind_at = ?, deadline = ?, calendar_version = ?
             WHERE record_id = ? AND key = ? AND state = 'open' AND (calendar_version IS NULL OR calendar_version < ?)
               AND due_at IS ? AND json_extract(deadline, '$.startedAt') IS ?`,
          )
          .run(m.dueAt, m.remindAt, json(m.deadline), version, m.recordId, m.key, version, m.was.dueAt, m.was.startedAt).changes;
      return written;
    });
  }
  async complianceCounts(filter: ComplianceFilter) {
    return dashboard.complianceCounts(this.database.db, filter);
  }
  async pageDeadlines(filter: DeadlinePageFilter): Promise<KeysetPage<DeadlineRow>> {
    // The page walks in due order and stops early; its count reads the visible records' deadlines.
    const where = new Where();
    const counted = new Where();
    for (const w of [where, counted]) {
      if (filter.state) w.add('state = ?', filter.state);
      if (filter.formId) w.add('form_id = ?', filter.formId);
    }
    if (filter.visibleTo) {
      where.add(visibleRecord('deadlines', filter.visibleTo, where));
      counted.add(visibleRecordIds('deadlines', filter.visibleTo, counted));
    }
    const after = filter.after;
    // SQLite sorts a missing due time first; the key after it continues among the same (record, key) order.
    return keysetPage(
      this.database,
      where,
      'deadlines',
      'due_at, record_id, key',
      filter,
      toDeadline,
      () =>
        !after
          ? where
          : after[0] === null
            ? where.with(
                '(due_at IS NOT NULL OR (due_at IS NULL AND (record_id > ? OR (record_id = ? AND key > ?))))',
                after[1],
                after[1],
                after[2],
              )
            : where.with(
                '(due_at > ? OR (due_at = ? AND (record_id > ? OR (record_id = ? AND key > ?))))',
                after[0],
                after[0],
                after[1],
                after[1],
                after[2],
              ),
      counted,
    );
  }

  /**
   * A record write's deadlines, inside the write's transaction: a breach already recorded stays
   * breached (its fines are posted once), every other deadline is replaced (rewriteDeadlines).
   */
  rewrite(recordId: string, computed: readonly DeadlineRow[], { created }: { created: boolean }): void {
    const breached = new Map(
      created
        ? []
        : (this.database.stmt("SELECT key, deadline FROM deadlines WHERE record_id = ? AND state = 'breached'").all(recordId) as Row[]).map(
            (r) => [String(r.key), parse<DeadlineRow['deadline']>(r.deadline)] as const,
          ),
    );
    if (!created) this.database.stmt("DELETE FROM deadlines WHERE record_id = ? AND state != 'breached'").run(recordId);
    const { insert, metAtUpdates } = rewriteDeadlines(breached, computed);
    for (const { key, deadline } of metAtUpdates)
      this.database
        .stmt("UPDATE deadlines SET deadline = ? WHERE record_id = ? AND key = ? AND state = 'breached'")
        .run(json(deadline), recordId, key);
    for (const d of insert)
      this.database
        .stmt(
          'INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(d.recordId, d.formId, d.key, d.dueAt, d.state, d.remindAt, 0, json(d.deadline));
  }
}

function toDeadline(row: Row): DeadlineRow {
  return {
    recordId: String(row.record_id),
    formId: String(row.form_id),
    key: String(row.key),
    dueAt: str(row.due_at),
    state: String(row.state) as DeadlineRow['state'],
    remindAt: str(row.remind_at),
    reminded: Boolean(row.reminded),
    deadline: parse(row.deadline),
    ...(row.calendar_version === null || row.calendar_version === undefined ? {} : { calendarVersion: Number(row.calendar_version) }),
  };
}
