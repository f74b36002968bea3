import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../../errors/AppError.js';

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
    throw refused('not a URL', '不是有效的网址');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused('only http and https', '只允许 http 或 https 地址');
  if (url.username || url.password) throw refused('no user name or password in the URL', '网址中不能含用户名或密码');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowHosts.includes(host)) return url;
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw refused(`the host ${host} is not found`, `找不到主机 ${host}`);
  if (addresses.some(isInternal))
    throw refused(
      `the host ${host} is an internal address; an administrator may allow it (NOTICE_ALLOW_HOSTS)`,
      `主机 ${host} 是内部地址，须由管理员加入允许列表（NOTICE_ALLOW_HOSTS）`,
    );
  return url;
}

function refused(message: string, messageZh: string): AppError {
  return new AppError('validation_failed', `notice address refused: ${message}`, {
    messageZh: `通知地址被拒绝：${messageZh}`,
    details: [{ pointer: '/config/url', code: 'url.refused', message, messageZh }],
  });
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
