import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../http/createApp.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../http/csrfGuard.js';
import { importDefaultPack } from '../services/importDefaultPack.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import type { Clock } from '../services/Clock.js';
import { checkAnswer } from './checkAnswer.js';

export interface TestServer {
  url: string;
  dataDir: string;
  adminPassword: string;
  services: ReturnType<typeof createApp>['services'];
  /** Signs in and returns a fetch bound to that session (JSON in and out). */
  signIn(username: string, password: string): Promise<Client>;
  close(): Promise<void>;
}

export type Client = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: any }>;

/** A real server on 127.0.0.1, port 0, on a fresh SQLite file with the default pack; stopped by `close`. */
export async function startTestServer(
  options: { clock?: Clock; dataDir?: string; importPack?: boolean; config?: AppOptions['config'] } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'aftersales-test-'));
  const store = new SqliteStore(dataDir);
  const { app, services } = createApp({
    store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.config ? { config: options.config } : {}),
  });
  if (options.importPack !== false) {
    const imported = await importDefaultPack(store, services.definitions);
    if (imported && imported.problems.length > 0) throw new Error(`default pack: ${imported.problems.join('\n')}`);
  }
  const adminPassword = 'admin-password-for-tests';
  await services.auth.bootstrapAdmin(adminPassword);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    dataDir,
    adminPassword,
    services,
    async signIn(username, password) {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
      // As the web app does: every write carries the CSRF header (see http/csrfGuard).
      return client(url, { Cookie: cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await services.deadlineRecompute.idle();
      await store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function client(url: string, baseHeaders: Record<string, string> = {}): Client {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { ...baseHeaders, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    const answer = text ? (json ? (JSON.parse(text) as unknown) : text) : null;
    // Every answer the tests read is checked against its endpoint's declared schema (or the error shape).
    checkAnswer(method, path, response.status, answer, response.headers.get('content-type'));
    return { status: response.status, body: answer };
  };
}
