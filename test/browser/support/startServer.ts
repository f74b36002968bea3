// Starts the real server as the browser tests need it: createApp from @aftersales/server on a
// temporary SQLite data dir, with the default pack, the test's own form and the built designer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore, createApp, importDefaultPack } from '@aftersales/server';
import { repairCallForm } from './seed.js';

export const DESIGNER_DIST = fileURLToPath(new URL('../../../packages/designer/dist/', import.meta.url));
export const ADMIN = { username: 'admin', password: 'browser-test-password-1' };

export interface TestServer {
  url: string;
  /** The SQLite store's folder (tests that fill a long history write straight into it). */
  dataDir: string;
  services: ReturnType<typeof createApp>['services'];
  close(): Promise<void>;
}

/** `clock`: the server's time source, for tests that move time (deadlines, the overdue board). */
/** `noticeAllowHosts`: hosts outbound notices may reach (a receiver on 127.0.0.1). */
export async function startServer(options: { clock?: () => Date; noticeAllowHosts?: string[] } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-browser-'));
  const store = new SqliteStore(dataDir);
  const { app, services } = createApp({
    store,
    config: { staticDir: DESIGNER_DIST, ...(options.noticeAllowHosts ? { noticeAllowHosts: options.noticeAllowHosts } : {}) },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await importDefaultPack(store, services.definitions);
  await services.definitions.pushFiles([{ path: 'schemas/repair-call.form.json', text: JSON.stringify(repairCallForm) }], 'test', {
    dryRun: false,
  });
  await services.auth.bootstrapAdmin(ADMIN.password);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    dataDir,
    services,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void store.close().then(() => {
            rmSync(dataDir, { recursive: true, force: true });
            resolve();
          });
        });
        server.closeAllConnections();
      }),
  };
}
