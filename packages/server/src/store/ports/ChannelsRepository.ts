import type { Channel, Delivery } from '../channels.js';
import type { KeysetPage } from '../paging.js';
import type { Notification } from '../types.js';

/** Outbound notices (services/notices): the channels a store sends to, and the delivery log of each. */
export interface ChannelsRepository {
  saveChannel(channel: Channel): Promise<void>;
  listChannels(store?: string): Promise<Channel[]>;
  getChannel(id: string): Promise<Channel | null>;
  /** Deletes a channel with its delivery log. */
  deleteChannel(id: string): Promise<boolean>;
  /** Notices of records of the channel's store, posted since `since`, the channel has no delivery for yet (oldest first). */
  undeliveredNotices(channel: Channel, since: string, limit: number): Promise<Notification[]>;
  /** Adds deliveries once per channel and notice (any instance); returns how many were new. */
  enqueueDeliveries(deliveries: Delivery[]): Promise<number>;
  /** Takes due pending deliveries under a lease until `leaseUntil`, so one instance sends each. */
  claimDeliveries(now: string, leaseUntil: string, limit: number): Promise<Delivery[]>;
  finishDelivery(
    id: string,
    result: Pick<Delivery, 'state' | 'attempts' | 'nextAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>,
  ): Promise<void>;
  /** A channel's delivery log, newest first (skipped ones left out): a keyset page after [createdAt, id]. */
  pageDeliveries(channelId: string, page: { limit: number; after?: [string, string] }): Promise<KeysetPage<Delivery>>;
  getDelivery(id: string): Promise<Delivery | null>;
  /** Sends a delivery again: pending, due `now`, attempts counted afresh. */
  replayDelivery(id: string, now: string): Promise<boolean>;
}
