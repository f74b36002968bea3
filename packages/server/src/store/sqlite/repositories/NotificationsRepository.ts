import type { NotificationsRepository } from '../../ports/NotificationsRepository.js';
import type { KeysetPage, NotificationPageFilter } from '../../paging.js';
import type { Notification } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import { visibleRecord, Where } from '../where.js';

export class SqliteNotificationsRepository implements NotificationsRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async postNotification(notification: Notification) {
    return this.insert(notification);
  }
  async listNotifications(filter: { roles?: string[]; limit: number }) {
    return (await this.pageNotifications({ ...(filter.roles ? { roles: filter.roles } : {}), limit: filter.limit })).items;
  }
  async pageNotifications(filter: NotificationPageFilter): Promise<KeysetPage<Notification>> {
    const where = new Where();
    if (filter.roles) where.add(`role IN (${filter.roles.map(() => '?').join(', ') || 'NULL'})`, ...filter.roles);
    if (filter.person) where.add('(person IS NULL OR person = ? OR person = ?)', filter.person.username, filter.person.displayName);
    if (filter.visibleTo) where.add(`(record_id IS NULL OR ${visibleRecord('notifications', filter.visibleTo, where)})`);
    return keysetPage(this.database, where, 'notifications', 'at DESC, id DESC', filter, toNotification, () =>
      filter.after ? where.with('(at, id) < (?, ?)', filter.after[0], filter.after[1]) : where,
    );
  }

  /** Posts a notice once per unique key, inside the caller's transaction; true when it was added. */
  insert(n: Notification): boolean {
    return (
      this.database
        .stmt('INSERT OR IGNORE INTO notifications (id, unique_key, at, role, person, record_id, message) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(n.id, n.uniqueKey, n.at, n.role, n.person, n.recordId, json(n.message)).changes > 0
    );
  }
}

function toNotification(r: Row): Notification {
  return {
    id: String(r.id),
    uniqueKey: String(r.unique_key),
    at: String(r.at),
    role: String(r.role),
    person: str(r.person),
    recordId: str(r.record_id),
    message: parse<Notification['message']>(r.message),
  };
}
