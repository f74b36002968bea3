import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import { IdParams, Instant, JsonObject, NextCursor, Notice, Nullable, pageQuery, Text, Actor } from '../shapes.js';

const ChannelKind = Type.Enum(['webhook', 'wecom', 'dingtalk', 'email']);
const NoticeEvent = Type.Enum(['record', 'approval', 'deadline', 'fine']);

export const ChannelCreate = Type.Object(
  {
    store: Text(100),
    kind: ChannelKind,
    name: Text(100),
    events: Type.Array(NoticeEvent, { minItems: 1, uniqueItems: true }),
    config: Type.Object(
      {
        url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
        secret: Type.Optional(Type.String({ maxLength: 200 })),
        host: Type.Optional(Text(253)),
        port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
        secure: Type.Optional(Type.Boolean()),
        user: Type.Optional(Text(200)),
        pass: Type.Optional(Type.String({ maxLength: 200 })),
        from: Type.Optional(Text(200)),
        to: Type.Optional(Type.Array(Type.String({ format: 'email', maxLength: 200 }), { minItems: 1, maxItems: 20 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** A channel as admins read it: its settings without secrets (`secretSet`: one is set). */
export const ChannelInfo = Type.Object({
  id: Type.String(),
  store: Type.String(),
  kind: ChannelKind,
  name: Type.String(),
  events: Type.Array(NoticeEvent),
  config: JsonObject,
  secretSet: Type.Boolean(),
  createdBy: Actor,
  createdAt: Instant,
});

/** One notice to one channel, retried with backoff until delivered or given up. */
export const Delivery = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  notificationId: Type.String(),
  event: NoticeEvent,
  payload: Type.Object({
    notice: Notice,
    store: Type.String(),
  }),
  state: Type.Enum(['pending', 'delivered', 'failed', 'skipped']),
  attempts: Type.Integer(),
  nextAt: Nullable(Instant),
  leaseUntil: Nullable(Instant),
  lastStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Instant,
  deliveredAt: Nullable(Instant),
});

/** Outbound notices: each store's channels (webhook, 企业微信, 钉钉, e-mail), the delivery log, replay. */
export const noticeEndpoints = {
  channels: endpoint({ method: 'get', path: '/channels', response: Type.Object({ items: Type.Array(ChannelInfo) }) }),
  createChannel: endpoint({ method: 'post', path: '/channels', body: ChannelCreate, response: ChannelInfo, status: 201 }),
  deleteChannel: endpoint({
    method: 'delete',
    path: '/channels/:id',
    params: IdParams,
    response: Type.Object({ deleted: Type.Boolean() }),
  }),
  deliveries: endpoint({
    method: 'get',
    path: '/channels/:id/deliveries',
    params: IdParams,
    query: Type.Object(pageQuery(100)),
    response: Type.Object({
      items: Type.Array(Delivery),
      total: Type.Integer({ description: 'counted up to 10,000' }),
      totalCapped: Type.Boolean({ description: 'there are more than `total`' }),
      nextCursor: NextCursor,
    }),
  }),
  replayDelivery: endpoint({ method: 'post', path: '/deliveries/:id/replay', params: IdParams, response: Delivery }),
};
