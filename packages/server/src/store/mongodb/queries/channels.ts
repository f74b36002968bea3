import type { Db, Document } from 'mongodb';
import type { Channel, Delivery } from '../../channels.js';
import type { Notification } from '../../types.js';

const clean = <T>(doc: Document | null): T | null => {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  void _id;
  return rest as T;
};

export async function saveChannel(db: Db, c: Channel): Promise<void> {
  const { createdAt, createdBy, ...changes } = c;
  await db.collection('channels').updateOne({ id: c.id }, { $set: changes, $setOnInsert: { createdAt, createdBy } }, { upsert: true });
}

export async function listChannels(db: Db, store?: string): Promise<Channel[]> {
  const docs = await db
    .collection('channels')
    .find(store === undefined ? {} : { store })
    .sort({ createdAt: 1, id: 1 })
    .toArray();
  return docs.map((d) => clean<Channel>(d)!);
}

export async function getChannel(db: Db, id: string): Promise<Channel | null> {
  return clean<Channel>(await db.collection('channels').findOne({ id }));
}

export async function deleteChannel(db: Db, id: string): Promise<boolean> {
  await db.collection('deliveries').deleteMany({ channelId: id });
  return (await db.collection('channels').deleteOne({ id })).deletedCount > 0;
}

/** Notices of the channel's store's records since `since` without a delivery to the channel, oldest first. */
export async function undeliveredNotices(db: Db, channel: Channel, since: string, limit: number): Promise<Notification[]> {
  const docs = await db
    .collection('notifications')
    .aggregate([
      { $match: { at: { $gte: since }, recordId: { $ne: null } } },
      { $sort: { at: 1, id: 1 } },
      { $lookup: { from: 'records', localField: 'recordId', foreignField: 'id', as: 'record', pipeline: [{ $project: { store: 1 } }] } },
      { $match: { 'record.store': channel.store } },
      {
        $lookup: {
          from: 'deliveries',
          localField: 'id',
          foreignField: 'notificationId',
          as: 'sent',
          pipeline: [{ $match: { channelId: channel.id } }, { $project: { id: 1 } }],
        },
      },
      { $match: { sent: { $size: 0 } } },
      { $limit: limit },
      { $project: { record: 0, sent: 0 } },
    ])
    .toArray();
  return docs.map((d) => clean<Notification>(d)!);
}

/** Adds deliveries once per channel and notice (unique index channelId+notificationId); how many were new. */
export async function enqueueDeliveries(db: Db, deliveries: Delivery[]): Promise<number> {
  let added = 0;
  for (const d of deliveries) {
    const result = await db
      .collection('deliveries')
      .updateOne({ channelId: d.channelId, notificationId: d.notificationId }, { $setOnInsert: { ...d } }, { upsert: true });
    added += result.upsertedCount;
  }
  return added;
}

/** Takes due pending deliveries under a lease, one findOneAndUpdate each (atomic per delivery). */
export async function claimDeliveries(db: Db, now: string, leaseUntil: string, limit: number): Promise<Delivery[]> {
  const taken: Delivery[] = [];
  while (taken.length < limit) {
    const doc = await db
      .collection('deliveries')
      .findOneAndUpdate(
        { state: 'pending', nextAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
        { $set: { leaseUntil } },
        { sort: { nextAt: 1, id: 1 }, returnDocument: 'after' },
      );
    if (!doc) break;
    taken.push(clean<Delivery>(doc)!);
  }
  return taken;
}

export async function finishDelivery(
  db: Db,
  id: string,
  result: Pick<Delivery, 'state' | 'attempts' | 'nextAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>,
): Promise<void> {
  await db.collection('deliveries').updateOne({ id }, { $set: { ...result, leaseUntil: null } });
}

export async function getDelivery(db: Db, id: string): Promise<Delivery | null> {
  return clean<Delivery>(await db.collection('deliveries').findOne({ id }));
}

export async function replayDelivery(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .collection('deliveries')
    .updateOne({ id }, { $set: { state: 'pending', attempts: 0, nextAt: now, leaseUntil: null, deliveredAt: null } });
  return result.matchedCount > 0;
}
