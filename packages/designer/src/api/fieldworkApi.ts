import { api, type ChannelInfo as ChannelInfoSchema, type Delivery, type Person as PersonSchema, type Static } from '@aftersales/contract';
import type { ApiClient } from './ApiClient';

/** The field work shapes are the contract's (packages/contract endpoints/fieldwork.ts, notices.ts). */
/** A user as person fields show them: the reference records keep (user name) and the name people read. */
export type Person = Static<typeof PersonSchema>;
/** A store's notice channel as admins see it (secrets never come back, only whether one is set). */
export type ChannelInfo = Static<typeof ChannelInfoSchema>;
export type ChannelKind = ChannelInfo['kind'];
export type NoticeEvent = ChannelInfo['events'][number];
export type DeliveryInfo = Static<typeof Delivery>;

/** Field work: the people and stores person and store fields pick from, dispatch, my jobs, notice channels. */
export function fieldworkApi(client: ApiClient) {
  const e = api.fieldwork;
  const n = api.notices;
  return {
    people: (roles: readonly string[] = []) => client.call(e.people, { query: roles.length > 0 ? { role: roles.join(',') } : {} }),
    stores: () => client.call(e.stores, {}),
    nameStore: (id: string, name: string) => client.call(e.nameStore, { params: { id }, body: { name } }),
    dispatch: (id: string, assignee: string, rev: number) => client.call(e.dispatch, { params: { id }, body: { assignee, rev } }),
    myJobs: (cursor?: string) => client.call(e.myJobs, { query: cursor ? { cursor } : {} }),
    channels: () => client.call(n.channels, {}),
    createChannel: (input: Static<typeof n.createChannel.body>) => client.call(n.createChannel, { body: input }),
    deleteChannel: (id: string) => client.call(n.deleteChannel, { params: { id } }),
    deliveries: (id: string, cursor?: string) => client.call(n.deliveries, { params: { id }, query: cursor ? { cursor } : {} }),
    replay: (id: string) => client.call(n.replayDelivery, { params: { id } }),
  };
}
