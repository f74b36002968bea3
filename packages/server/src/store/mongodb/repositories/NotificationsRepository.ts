import type { ClientSession, Document } from 'mongodb';
import type { NotificationsRepository } from '../../ports/NotificationsRepository.js';
import type { KeysetPage, NotificationPageFilter } from '../../paging.js';
import type { Notification } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import { visibleRecordIds } from '../visibleRecordIds.js';

export class MongoNotificationsRepository implements NotificationsRepository {
  constructor(private readonly database: MongoDatabase) {}

  async postNotification(notification: Notification) {
    return this.upsert(notification);
  }
  async listNotifications(filter: { roles?: string[]; limit: number }) {
    return (
      await this.database
        .col('notifications')
        .find(filter.roles ? { role: { $in: filter.roles } } : {})
        .sort({ at: -1 })
        .limit(filter.limit)
        .toArray()
    ).map((n) => plain<Notification>(n)!);
  }
  async pageNotifications(filter: NotificationPageFilter): Promise<KeysetPage<Notification>> {
    const and: Document[] = [];
    if (filter.roles) and.push({ role: { $in: filter.roles } });
    if (filter.person) and.push({ person: { $in: [null, filter.person.username, filter.person.displayName] } });
    if (filter.visibleTo)
      and.push({ $or: [{ recordId: null }, { recordId: { $in: await visibleRecordIds(this.database, filter.visibleTo) } }] });
    const after = filter.after;
    const cursor = after ? { $or: [{ at: { $lt: after[0] } }, { at: after[0], id: { $lt: after[1] } }] } : null;
    return keysetPage<Notification>(
      this.database,
      'notifications',
      and.length > 0 ? { $and: and } : {},
      cursor,
      { at: -1, id: -1 },
      filter.limit,
    );
  }

  /** Posts a notice once per unique key (in the caller's transaction when given); true when this call posted it. */
  async upsert(n: Notification, session?: ClientSession): Promise<boolean> {
    const result = await this.database
      .col('notifications')
      .updateOne({ uniqueKey: n.uniqueKey }, { $setOnInsert: { ...n } }, { upsert: true, ...(session ? { session } : {}) });
    return result.upsertedCount > 0;
  }
  /** Posts a batch once per unique key, in the caller's transaction. */
  async upsertMany(notices: readonly Notification[], session: ClientSession): Promise<void> {
    if (notices.length === 0) return;
    await this.database.col('notifications').bulkWrite(upsertsByUniqueKey(notices), { session, ordered: true });
  }
}

/** Inserts of documents that are kept once per `uniqueKey` (a second insert changes nothing). */
export function upsertsByUniqueKey(docs: readonly { uniqueKey: string }[]) {
  return docs.map((doc) => ({ updateOne: { filter: { uniqueKey: doc.uniqueKey }, update: { $setOnInsert: { ...doc } }, upsert: true } }));
}
