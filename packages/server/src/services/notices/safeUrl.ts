import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ServerErrorParams } from '@aftersales/contract';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';

/**
 * Where outbound notices may go (SSRF care): http or https only, no credentials in the URL; a host
 * on the allow-list (`NOTICE_ALLOW_HOSTS`: host names or addresses) always, any other only when every
 * address it resolves to is public (no loopback, private, link-local, unique-local, CGNAT or unspecified
 * address: the server's own network is off limits unless an admin lists it).
 */
export async function checkOutboundUrl(text: string, allowHosts: readonly string[]): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused('url.notUrl', {});
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused('url.scheme', {});
  if (url.username || url.password) throw refused('url.credentials', {});
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowHosts.includes(host)) return url;
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw refused('url.hostNotFound', { host });
  if (addresses.some(isInternal)) throw refused('url.internalHost', { host });
  return url;
}

type Refusal = 'url.notUrl' | 'url.scheme' | 'url.credentials' | 'url.hostNotFound' | 'url.internalHost';

function refused<C extends Refusal>(reason: C, params: ServerErrorParams<C>): DomainError {
  return new DomainError(reason, params, { details: [domainDetail('/config/url', reason, params, 'url.refused')] });
}

/** Loopback, private, link-local, unique-local, CGNAT, multicast and unspecified addresses (IPv4, IPv6, IPv4-mapped). */
export function isInternal(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('ff')
  );
}
