import type { Io } from './Io.js';
import { CliError } from './CliError.js';

export interface Remote {
  server?: string;
  key?: string;
}

/** Calls the server's API with the integrator key; a connection failure or 401/403 is exit code 2. */
export async function callApi<T>(remote: Remote, io: Io, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const server = remote.server ?? io.env.AFTERSALES_SERVER;
  const key = remote.key ?? io.env.AFTERSALES_API_KEY;
  if (!server)
    throw new CliError({
      'zh-CN': '未指定服务器：请用 --server <网址> 或设置 AFTERSALES_SERVER',
      en: 'no server: pass --server <url> or set AFTERSALES_SERVER',
    });
  if (!key)
    throw new CliError({
      'zh-CN': '未指定 API 密钥：请用 --key <密钥> 或设置 AFTERSALES_API_KEY',
      en: 'no API key: pass --key <key> or set AFTERSALES_API_KEY',
    });
  let response: Response;
  try {
    response = await fetch(`${server.replace(/\/$/, '')}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new CliError({ 'zh-CN': `无法连接 ${server}：${reason}`, en: `cannot reach ${server}: ${reason}` });
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    // The server says why in both languages (its error catalog).
    const error = (data as { error?: { message?: string; messageZh?: string } } | null)?.error;
    const en = error?.message ?? response.statusText;
    throw new CliError({
      'zh-CN': `${method} ${path}：${response.status} ${error?.messageZh ?? en}`,
      en: `${method} ${path}: ${response.status} ${en}`,
    });
  }
  return data as T;
}
