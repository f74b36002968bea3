import { api } from '@aftersales/contract';
import { DomainError } from '../../errors/DomainError.js';
import { encodeCursor, queryCursor } from '../cursor.js';
import { actorOf } from '../../services/Principal.js';
import { presentChannel } from '../../services/notices/ChannelService.js';
import type { Access, Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

const endpoints = api.notices;
const ADMINS: Access = { roles: ['admin'] };

/** Outbound notices: admins configure each store's channels (webhook, 企业微信, 钉钉, e-mail), read the delivery log, replay. */
export function noticeRoutes(services: Services): Route[] {
  const channel = async (id: string) => {
    const found = await services.store.getChannel(id);
    if (!found) throw new DomainError('channel.notFound', { id });
    return found;
  };
  const delivery = async (id: string) => {
    const found = await services.store.getDelivery(id);
    if (!found) throw new DomainError('delivery.notFound', { id });
    return found;
  };
  return [
    route(endpoints.channels, {
      access: ADMINS,
      summary: 'Notice channels of every store (secrets are never answered, only whether one is set)',
      handler: async () => ({ items: (await services.store.listChannels()).map(presentChannel) }),
    }),
    route(endpoints.createChannel, {
      access: ADMINS,
      summary:
        'Add a channel for a store: webhook (url, secret: HMAC-SHA256 signed), wecom or dingtalk group robot (url; dingtalk secret: signed), email (SMTP host, port, from, to); the address must be http(s) and not internal unless allowed',
      handler: async ({ body, principal }) => presentChannel(await services.channels.create(body, actorOf(principal))),
    }),
    route(endpoints.deleteChannel, {
      access: ADMINS,
      summary: 'Remove a channel and its delivery log (audited)',
      handler: async ({ params, principal }) => {
        await services.channels.remove(params.id, actorOf(principal));
        return { deleted: true };
      },
    }),
    route(endpoints.deliveries, {
      access: ADMINS,
      summary:
        "A channel's delivery log, newest first: state, attempts, next attempt, last status and error; a page of `limit` (1-500, 100) with the total and the `nextCursor` to pass as `cursor`",
      handler: async ({ params, query }) => {
        const found = await channel(params.id);
        const after = queryCursor(query.cursor, 2) as [string, string] | undefined;
        const page = await services.store.pageDeliveries(found.id, { limit: query.limit ?? 100, ...(after ? { after } : {}) });
        const last = page.items.at(-1);
        return {
          items: page.items,
          total: page.total,
          totalCapped: page.capped ?? false,
          nextCursor: page.more && last ? encodeCursor([last.createdAt, last.id]) : null,
        };
      },
    }),
    route(endpoints.replayDelivery, {
      access: ADMINS,
      summary: 'Send a delivery again (due now, attempts counted afresh)',
      handler: async ({ params }) => {
        await delivery(params.id);
        await services.store.replayDelivery(params.id, services.clock().toISOString());
        return delivery(params.id);
      },
    }),
  ];
}
