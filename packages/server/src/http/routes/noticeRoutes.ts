import { AppError } from '../../errors/AppError.js';
import { actorOf } from '../../services/Principal.js';
import { presentChannel, type ChannelInput } from '../../services/notices/ChannelService.js';
import type { Access, Route } from '../Route.js';
import { queryInt } from '../query.js';
import type { Services } from './Services.js';

const ADMINS: Access = { roles: ['admin'] };

/** Outbound notices: admins configure each store's channels (webhook, 企业微信, 钉钉, e-mail), read the delivery log, replay. */
export function noticeRoutes(services: Services): Route[] {
  const channel = async (id: string) => {
    const found = await services.store.getChannel(id);
    if (!found) throw new AppError('not_found', `channel "${id}" does not exist`);
    return found;
  };
  return [
    {
      method: 'get',
      path: '/channels',
      access: ADMINS,
      summary: 'Notice channels of every store (secrets are never answered, only whether one is set)',
      handler: async () => ({ items: (await services.store.listChannels()).map(presentChannel) }),
    },
    {
      method: 'post',
      path: '/channels',
      access: ADMINS,
      body: 'ChannelCreate',
      status: 201,
      summary:
        'Add a channel for a store: webhook (url, secret: HMAC-SHA256 signed), wecom or dingtalk group robot (url; dingtalk secret: signed), email (SMTP host, port, from, to); the address must be http(s) and not internal unless allowed',
      handler: async ({ req, principal }) => presentChannel(await services.channels.create(req.body as ChannelInput, actorOf(principal))),
    },
    {
      method: 'delete',
      path: '/channels/:id',
      access: ADMINS,
      summary: 'Remove a channel and its delivery log (audited)',
      handler: async ({ req, principal }) => {
        await services.channels.remove(String(req.params.id), actorOf(principal));
        return { deleted: true };
      },
    },
    {
      method: 'get',
      path: '/channels/:id/deliveries',
      access: ADMINS,
      query: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100, description: 'newest first, at most this many' } },
      summary: "A channel's delivery log, newest first: state, attempts, next attempt, last status and error",
      handler: async ({ req }) => {
        const found = await channel(String(req.params.id));
        return { items: await services.store.listDeliveries(found.id, queryInt(req, 'limit', 100, { min: 1, max: 500 })) };
      },
    },
    {
      method: 'post',
      path: '/deliveries/:id/replay',
      access: ADMINS,
      summary: 'Send a delivery again (due now, attempts counted afresh)',
      handler: async ({ req }) => {
        const id = String(req.params.id);
        if (!(await services.store.getDelivery(id))) throw new AppError('not_found', `delivery "${id}" does not exist`);
        await services.store.replayDelivery(id, services.clock().toISOString());
        return services.store.getDelivery(id);
      },
    },
  ];
}
