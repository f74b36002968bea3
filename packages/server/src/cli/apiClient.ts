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
  if (!server) throw new CliError('no server: pass --server <url> or set AFTERSALES_SERVER');
  if (!key) throw new CliError('no API key: pass --key <key> or set AFTERSALES_API_KEY');
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
    throw new CliError(
      `cannot reach ${server}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
    );
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const message = (data as { error?: { message?: string } } | null)?.error?.message ?? response.statusText;
    throw new CliError(`${method} ${path}: ${response.status} ${message}`);
  }
  return data as T;
}
