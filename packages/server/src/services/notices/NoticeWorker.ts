import type { Channel, Delivery } from '../../store/channels.js';
import type { Clock } from '../Clock.js';
import { timeOrderedId } from '../ids.js';
import { Repeating } from '../Repeating.js';
import { eventOf } from './eventOf.js';
import { send, type SendResult } from './senders.js';
import type { ChannelsRepository } from '../../store/ports/ChannelsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = ChannelsRepository;

/** Waits after the 1st, 2nd, ... failed attempt; after the last one the delivery is given up (an admin may replay it). */
export const BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];
const LEASE_MS = 60_000;
/** Notices older than this when a channel first sees them are not sent (a new channel does not replay the past). */
const LOOK_BACK_MS = 24 * 3_600_000;

export interface NoticeOptions {
  /** Hosts notices may reach although they resolve to internal addresses (NOTICE_ALLOW_HOSTS). */
  allowHosts: string[];
}

/**
 * Outbound notices: every notice posted for a record of a store (the in-app notices are the outbox)
 * becomes one delivery per channel of that store that subscribes to its event, and due deliveries
 * are sent with retries and backoff. Safe on several instances: deliveries are unique per channel
 * and notice, and each is sent under a lease.
 */
export class NoticeWorker {
  private readonly repeating = new Repeating('notices', () => this.tick());

  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    readonly options: NoticeOptions,
  ) {}

  start(intervalMs: number): void {
    this.repeating.start(intervalMs);
  }

  stop(): void {
    this.repeating.stop();
  }

  /** One turn: fan out new notices, then send what is due. */
  async tick(): Promise<{ queued: number; delivered: number; failed: number }> {
    const now = this.clock();
    let queued = 0;
    const channels = await this.store.listChannels();
    for (const channel of channels) queued += await this.fanOut(channel, now);
    const due = await this.store.claimDeliveries(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), 50);
    const byId = new Map(channels.map((c) => [c.id, c]));
    let delivered = 0;
    let failed = 0;
    for (const delivery of due) {
      const channel = byId.get(delivery.channelId) ?? (await this.store.getChannel(delivery.channelId));
      if (!channel) continue;
      const result = await send(channel, delivery, { allowHosts: this.options.allowHosts, now });
      await this.store.finishDelivery(delivery.id, afterAttempt(delivery, result, this.clock()));
      if (result.ok) delivered += 1;
      else failed += 1;
    }
    return { queued, delivered, failed };
  }

  private async fanOut(channel: Channel, now: Date): Promise<number> {
    const since = new Date(Math.max(Date.parse(channel.createdAt), now.getTime() - LOOK_BACK_MS)).toISOString();
    const notices = await this.store.undeliveredNotices(channel, since, 500);
    const deliveries: Delivery[] = notices
      .filter((n) => channel.events.includes(eventOf(n)))
      .map((notice) => ({
        id: timeOrderedId(),
        channelId: channel.id,
        notificationId: notice.id,
        event: eventOf(notice),
        payload: { notice, store: channel.store },
        state: 'pending',
        attempts: 0,
        nextAt: now.toISOString(),
        leaseUntil: null,
        lastStatus: null,
        lastError: null,
        createdAt: now.toISOString(),
        deliveredAt: null,
      }));
    // Notices the channel does not subscribe to are marked too (as delivered nowhere): never looked at again.
    const skipped: Delivery[] = notices
      .filter((n) => !channel.events.includes(eventOf(n)))
      .map((notice) => ({
        id: timeOrderedId(),
        channelId: channel.id,
        notificationId: notice.id,
        event: eventOf(notice),
        payload: { notice, store: channel.store },
        state: 'skipped',
        attempts: 0,
        nextAt: null,
        leaseUntil: null,
        lastStatus: null,
        lastError: null,
        createdAt: now.toISOString(),
        deliveredAt: null,
      }));
    return this.store.enqueueDeliveries([...deliveries, ...skipped]).then(() => deliveries.length);
  }
}

/** The delivery after an attempt: delivered, retried after the backoff, or given up. */
export function afterAttempt(delivery: Delivery, result: SendResult, now: Date) {
  const attempts = delivery.attempts + 1;
  if (result.ok)
    return {
      state: 'delivered' as const,
      attempts,
      nextAt: null,
      lastStatus: result.status,
      lastError: null,
      deliveredAt: now.toISOString(),
    };
  const wait = BACKOFF_MS[attempts - 1];
  return {
    state: wait === undefined ? ('failed' as const) : ('pending' as const),
    attempts,
    nextAt: wait === undefined ? null : new Date(now.getTime() + wait).toISOString(),
    lastStatus: result.status,
    lastError: result.error,
    deliveredAt: null,
  };
}
