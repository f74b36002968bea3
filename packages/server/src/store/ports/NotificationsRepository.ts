import type { KeysetPage, NotificationPageFilter } from '../paging.js';
import type { Notification } from '../types.js';

/** Notices to policy roles and people, each posted once per unique key. */
export interface NotificationsRepository {
  /** Posts a notice once per `uniqueKey` (whatever instance posts it); true when this call posted it. */
  postNotification(notification: Notification): Promise<boolean>;
  listNotifications(filter: { roles?: string[]; limit: number }): Promise<Notification[]>;
  /** A keyset page (store/paging.ts): every filter applied by the database, a total, and whether more follow. */
  pageNotifications(filter: NotificationPageFilter): Promise<KeysetPage<Notification>>;
}
