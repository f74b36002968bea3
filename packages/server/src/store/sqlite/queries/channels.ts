import type Database from 'better-sqlite3';
import type { Channel, Delivery } from '../../channels.js';
import type { KeysetPage } from '../../paging.js';
import type { Notification } from '../../types.js';
import { cappedCount, Conditions, prepared } from './prepared.js';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : (v as string));

export function saveChannel(db: Database.Database, c: Channel): void {
  db.prepare(
    `INSERT INTO channels (id, store, kind, name, events, config, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET store = excluded.store, kind = excluded.kind, name = excluded.name, events = excluded.events,
       config = excluded.config`,
  ).run(c.id, c.store, c.kind, c.name, JSON.stringify(c.events), JSON.stringify(c.config), c.createdBy, c.createdAt);
}

export function listChannels(db: Database.Database, store?: string): Channel[] {
  const rows = (
    store === undefined
      ? db.prepare('SELECT * FROM channels ORDER BY created_at, id').all()
      : db.prepare('SELECT * FROM channels WHERE store = ? ORDER BY created_at, id').all(store)
  ) as Row[];
  return rows.map(toChannel);
}

export function getChannel(db: Database.Database, id: string): Channel | null {
  const row = db.prepare('SELECT * FROM channels WHERE id = ?').get(id) as Row | undefined;
  return row ? toChannel(row) : null;
}

/** Deletes a channel and its delivery log (inside the caller's transaction). */
export function deleteChannel(db: Database.Database, id: string): boolean {
  db.prepare('DELETE FROM deliveries WHERE channel_id = ?').run(id);
  return db.prepare('DELETE FROM channels WHERE id = ?').run(id).changes > 0;
}

/** Notices of records of the channel's store posted since `since` that the channel has no delivery for yet, oldest first. */
export function undeliveredNotices(db: Database.Database, channel: Channel, since: string, limit: number): Notification[] {
  const rows = db
    .prepare(
      `SELECT n.* FROM notifications n JOIN records r ON r.id = n.record_id
       WHERE n.at >= ? AND r.store = ? AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.channel_id = ? AND d.notification_id = n.id)
       ORDER BY n.at, n.id LIMIT ?`,
    )
    .all(since, channel.store, channel.id, limit) as Row[];
  return rows.map((r) => ({
    id: String(r.id),
    uniqueKey: String(r.unique_key),
    at: String(r.at),
    role: String(r.role),
    person: str(r.person),
    recordId: str(r.record_id),
    message: JSON.parse(String(r.message)) as Notification['message'],
  }));
}

/** Adds deliveries, once per channel and notice (a second instance adding the same ones changes nothing); how many were new. */
export function enqueueDeliveries(db: Database.Database, deliveries: Delivery[]): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO deliveries (id, channel_id, notification_id, event, payload, state, attempts, next_at, lease_until, last_status,
       last_error, created_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return deliveries.reduce(
    (n, d) =>
      n +
      insert.run(
        d.id,
        d.channelId,
        d.notificationId,
        d.event,
        JSON.stringify(d.payload),
        d.state,
        d.attempts,
        d.nextAt,
        d.leaseUntil,
        d.lastStatus,
        d.lastError,
        d.createdAt,
        d.deliveredAt,
      ).changes,
    0,
  );
}

/**
 * Takes due pending deliveries under a lease until `leaseUntil` (one instance sends each); oldest due
 * first. Inside the caller's transaction (it reads, then writes).
 */
export function claimDeliveries(db: Database.Database, now: string, leaseUntil: string, limit: number): Delivery[] {
  const rows = db
    .prepare(
      `SELECT * FROM deliveries WHERE state = 'pending' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
       ORDER BY next_at, id LIMIT ?`,
    )
    .all(now, now, limit) as Row[];
  const take = db.prepare('UPDATE deliveries SET lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until <= ?)');
  return rows.filter((r) => take.run(leaseUntil, r.id, now).changes > 0).map((r) => toDelivery({ ...r, lease_until: leaseUntil }));
}

/** Records an attempt's result (and releases the lease). */
export function finishDelivery(
  db: Database.Database,
  id: string,
  result: Pick<Delivery, 'state' | 'attempts' | 'nextAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>,
): void {
  db.prepare(
    `UPDATE deliveries SET state = ?, attempts = ?, next_at = ?, last_status = ?, last_error = ?, delivered_at = ?, lease_until = NULL
     WHERE id = ?`,
  ).run(result.state, result.attempts, result.nextAt, result.lastStatus, result.lastError, result.deliveredAt, id);
}

/** A keyset page of a channel's delivery log, newest first, over deliveries_channel (channel_id, created_at, id). */
export function pageDeliveries(
  db: Database.Database,
  channelId: string,
  page: { limit: number; after?: [string, string] },
): KeysetPage<Delivery> {
  const where = new Conditions();
  where.add('channel_id = ?', channelId);
  where.add("state != 'skipped'");
  const { total, capped } = cappedCount(db, 'deliveries', where);
  const paged = page.after ? where.with('(created_at, id) < (?, ?)', page.after[0], page.after[1]) : where;
  const rows = prepared(db, `SELECT * FROM deliveries ${paged.clause()} ORDER BY created_at DESC, id DESC LIMIT ?`).all(
    ...paged.params,
    page.limit + 1,
  ) as Row[];
  return { items: rows.slice(0, page.limit).map(toDelivery), more: rows.length > page.limit, total, capped };
}

export function getDelivery(db: Database.Database, id: string): Delivery | null {
  const row = db.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as Row | undefined;
  return row ? toDelivery(row) : null;
}

/** Sends a delivery again (delivered or given up): pending, due now, its attempts counted afresh. */
export function replayDelivery(db: Database.Database, id: string, now: string): boolean {
  return (
    db
      .prepare("UPDATE deliveries SET state = 'pending', attempts = 0, next_at = ?, lease_until = NULL, delivered_at = NULL WHERE id = ?")
      .run(now, id).changes > 0
  );
}

function toChannel(r: Row): Channel {
  return {
    id: String(r.id),
    store: String(r.store),
    kind: String(r.kind) as Channel['kind'],
    name: String(r.name),
    events: JSON.parse(String(r.events)) as Channel['events'],
    config: JSON.parse(String(r.config)) as Channel['config'],
    createdBy: String(r.created_by),
    createdAt: String(r.created_at),
  };
}

function toDelivery(r: Row): Delivery {
  return {
    id: String(r.id),
    channelId: String(r.channel_id),
    notificationId: String(r.notification_id),
    event: String(r.event) as Delivery['event'],
    payload: JSON.parse(String(r.payload)) as Delivery['payload'],
    state: String(r.state) as Delivery['state'],
    attempts: Number(r.attempts),
    nextAt: str(r.next_at),
    leaseUntil: str(r.lease_until),
    lastStatus: r.last_status === null || r.last_status === undefined ? null : Number(r.last_status),
    lastError: str(r.last_error),
    createdAt: String(r.created_at),
    deliveredAt: str(r.delivered_at),
  };
}
