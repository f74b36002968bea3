import type { ApiClient } from './ApiClient';
import type { RecordAnswer, RecordListItem } from './workApi';

/** A user as person fields show them: the reference records keep (user name) and the name people read. */
export interface Person {
  username: string;
  displayName: string;
  policyRoles: string[];
  stores: string[];
}

export type NoticeEvent = 'record' | 'approval' | 'deadline' | 'fine';
export type ChannelKind = 'webhook' | 'wecom' | 'dingtalk' | 'email';

/** A store's notice channel as admins see it (secrets never come back, only whether one is set). */
export interface ChannelInfo {
  id: string;
  store: string;
  kind: ChannelKind;
  name: string;
  events: NoticeEvent[];
  config: Record<string, unknown>;
  secretSet: boolean;
  createdAt: string;
}

export interface DeliveryInfo {
  id: string;
  event: NoticeEvent;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: { notice: { message: { 'zh-CN': string; en: string } } };
}

/** Field work: the people and stores person and store fields pick from, dispatch, my jobs. */
export function fieldworkApi(client: ApiClient) {
  return {
    people: (roles: readonly string[] = []) =>
      client.get<{ items: Person[] }>('/people', roles.length > 0 ? { role: roles.join(',') } : {}),
    stores: () => client.get<{ items: string[] }>('/stores'),
    dispatch: (id: string, assignee: string, rev: number) =>
      client.post<RecordAnswer>(`/records/${encodeURIComponent(id)}/dispatch`, { assignee, rev }),
    myJobs: () => client.get<{ items: RecordListItem[]; now: string }>('/my-jobs'),
    channels: () => client.get<{ items: ChannelInfo[] }>('/channels'),
    createChannel: (input: { store: string; kind: ChannelKind; name: string; events: NoticeEvent[]; config: Record<string, unknown> }) =>
      client.post<ChannelInfo>('/channels', input),
    deleteChannel: (id: string) => client.delete<{ deleted: boolean }>(`/channels/${encodeURIComponent(id)}`),
    deliveries: (id: string) => client.get<{ items: DeliveryInfo[] }>(`/channels/${encodeURIComponent(id)}/deliveries`),
    replay: (id: string) => client.post<DeliveryInfo>(`/deliveries/${encodeURIComponent(id)}/replay`),
  };
}
