import { domainDetail } from '../../errors/domainDetail.js';
import { DomainError } from '../../errors/DomainError.js';
import { NOTICE_EVENTS, type Channel, type ChannelKind, type NoticeEvent } from '../../store/channels.js';
import type { Clock } from '../Clock.js';
import { timeOrderedId } from '../ids.js';
import { checkOutboundUrl } from './safeUrl.js';
import type { ChannelsRepository } from '../../store/ports/ChannelsRepository.js';
import type { AuditRepository } from '../../store/ports/AuditRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = ChannelsRepository & AuditRepository;

export interface ChannelInput {
  store: string;
  kind: ChannelKind;
  name: string;
  events: NoticeEvent[];
  config: Record<string, unknown>;
}

const SECRET_KEYS = ['secret', 'pass'];

/** A channel as admins see it: secrets never leave the server (only whether one is set). */
export function presentChannel(channel: Channel) {
  const config = Object.fromEntries(Object.entries(channel.config).filter(([k]) => !SECRET_KEYS.includes(k)));
  return { ...channel, config, secretSet: SECRET_KEYS.some((k) => typeof channel.config[k] === 'string' && channel.config[k] !== '') };
}

/** Admins configure where each store's notices go; every address is checked (http(s), no internal hosts unless allowed). */
export class ChannelService {
  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    private readonly allowHosts: readonly string[],
  ) {}

  async create(input: ChannelInput, actor: string): Promise<Channel> {
    await this.check(input);
    const channel: Channel = { id: timeOrderedId(), ...input, createdBy: actor, createdAt: this.clock().toISOString() };
    await this.store.saveChannel(channel);
    await this.store.appendAudit({
      at: channel.createdAt,
      actor,
      entity: 'definition',
      entityId: `channel:${channel.id}`,
      action: 'channel created',
      before: null,
      after: presentChannel(channel),
    });
    return channel;
  }

  async remove(id: string, actor: string): Promise<void> {
    const channel = await this.store.getChannel(id);
    if (!channel || !(await this.store.deleteChannel(id))) throw new DomainError('channel.notFound', { id });
    await this.store.appendAudit({
      at: this.clock().toISOString(),
      actor,
      entity: 'definition',
      entityId: `channel:${id}`,
      action: 'channel deleted',
      before: presentChannel(channel),
      after: null,
    });
  }

  private async check(input: ChannelInput): Promise<void> {
    const c = input.config;
    const missing = (key: string, zh: string) =>
      new DomainError(
        'channel.configMissing',
        { key, kind: input.kind, fieldZh: zh },
        { details: [domainDetail(`/config/${key}`, 'detail.fill', { fieldZh: zh }, 'required')] },
      );
    if (input.events.some((e) => !NOTICE_EVENTS.includes(e))) throw new DomainError('channel.unknownEvent', {});
    if (input.kind === 'email') {
      for (const [key, zh] of [
        ['host', 'SMTP 服务器'],
        ['from', '发件人'],
      ] as const)
        if (typeof c[key] !== 'string' || !c[key]) throw missing(key, zh);
      if (!Number.isInteger(c.port) || (c.port as number) < 1 || (c.port as number) > 65535) throw missing('port', '端口');
      if (!Array.isArray(c.to) || c.to.length === 0) throw missing('to', '收件人');
      return;
    }
    if (typeof c.url !== 'string' || !c.url) throw missing('url', '地址');
    await checkOutboundUrl(c.url, this.allowHosts);
    if (input.kind === 'webhook' && (typeof c.secret !== 'string' || c.secret.length < 16))
      throw new DomainError(
        'channel.secretTooShort',
        {},
        {
          details: [domainDetail('/config/secret', 'detail.minLength', { min: 16 }, 'minLength')],
        },
      );
  }
}
