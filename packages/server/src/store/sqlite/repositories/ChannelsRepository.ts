import type { Channel, Delivery } from '../../channels.js';
import type { ChannelsRepository } from '../../ports/ChannelsRepository.js';
import * as channels from '../queries/channels.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

/** Channels and their delivery log (queries/channels.ts). */
export class SqliteChannelsRepository implements ChannelsRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async saveChannel(channel: Channel) {
    return channels.saveChannel(this.database.db, channel);
  }
  async listChannels(store?: string) {
    return channels.listChannels(this.database.db, store);
  }
  async getChannel(id: string) {
    return channels.getChannel(this.database.db, id);
  }
  async deleteChannel(id: string) {
    return this.database.transaction(() => channels.deleteChannel(this.database.db, id));
  }
  async undeliveredNotices(channel: Channel, since: string, limit: number) {
    return channels.undeliveredNotices(this.database.db, channel, since, limit);
  }
  async enqueueDeliveries(deliveries: Delivery[]) {
    return this.database.transaction(() => channels.enqueueDeliveries(this.database.db, deliveries));
  }
  async claimDeliveries(now: string, leaseUntil: string, limit: number) {
    return this.database.transaction(() => channels.claimDeliveries(this.database.db, now, leaseUntil, limit));
  }
  async finishDelivery(id: string, result: Pick<Delivery, 'state' | 'attempts' | 'nextAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>) {
    return channels.finishDelivery(this.database.db, id, result);
  }
  async pageDeliveries(channelId: string, page: { limit: number; after?: [string, string] }) {
    return channels.pageDeliveries(this.database.db, channelId, page);
  }
  async getDelivery(id: string) {
    return channels.getDelivery(this.database.db, id);
  }
  async replayDelivery(id: string, now: string) {
    return channels.replayDelivery(this.database.db, id, now);
  }
}
