import type { Notification } from './types.js';

/** What a channel is told about: record notices, approval decisions and escalations, deadline reminders and breaches, fines. */
export type NoticeEvent = 'record' | 'approval' | 'deadline' | 'fine';
export const NOTICE_EVENTS: readonly NoticeEvent[] = ['record', 'approval', 'deadline', 'fine'];

export type ChannelKind = 'webhook' | 'wecom' | 'dingtalk' | 'email';

/** Where a store's notices go besides the app: a signed webhook, a 企业微信 or 钉钉 group robot, or e-mail over SMTP. */
export interface Channel {
  id: string;
  store: string;
  kind: ChannelKind;
  name: string;
  events: NoticeEvent[];
  /** webhook: url, secret; wecom: url; dingtalk: url, secret?; email: host, port, secure, user?, pass?, from, to. */
  config: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

/** One notice to one channel: retried with backoff by the notice worker until delivered or given up. */
export interface Delivery {
  id: string;
  channelId: string;
  notificationId: string;
  event: NoticeEvent;
  payload: { notice: Notification; store: string };
  /** skipped: a notice the channel does not subscribe to (kept so it is not looked at again; not in the log). */
  state: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempts: number;
  nextAt: string | null;
  leaseUntil: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}
