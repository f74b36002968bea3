// Starts the app as the browser tests need it: the real server (createApp from @aftersales/server
// on a temporary SQLite data dir) when it exists, else the stand-in with the same REST shape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandInServer, type RunningServer } from './standInServer.js';
import { calendar, repairCallForm, roles } from './seed.js';
import { readDefaultPack } from './defaultPack.js';

export const DESIGNER_DIST = fileURLToPath(new URL('../../../packages/designer/dist/', import.meta.url));
export const ADMIN = { username: 'admin', password: 'browser-test-password-1' };

export interface TestServer extends RunningServer {
  kind: 'server' | 'stand-in';
}

export async function startServer(): Promise<TestServer> {
  const real = await tryRealServer();
  if (real) return { ...real, kind: 'server' };
  const standIn = await startStandInServer({
    staticDir: DESIGNER_DIST,
    users: [{ ...ADMIN, roles: ['admin'] }],
    seed: seedData(),
  });
  return { ...standIn, kind: 'stand-in' };
}

/** The real server, when @aftersales/server exports createApp (see the designer's report for the options it is called with). */
async function tryRealServer(): Promise<RunningServer | null> {
  let module: Record<string, unknown>;
  try {
    // Not a static import: the server's HTTP layer may not exist yet, and the root does not depend on it.
    const entry = new URL('../../../packages/server/src/index.ts', import.meta.url).href;
    module = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const createApp = module.createApp as ((options: Record<string, unknown>) => unknown) | undefined;
  if (typeof createApp !== 'function') return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-browser-'));
  const app = (await createApp({ dataDir, staticDir: DESIGNER_DIST, admin: ADMIN })) as {
    listen: (port: number, host: string, cb: () => void) => { address: () => { port: number }; close: (cb: () => void) => void };
  };
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** The default policy pack (schemas/, rules/) when it is there, plus the test's own repair-call form. */
function seedData() {
  const pack = readDefaultPack();
  return {
    forms: [repairCallForm, ...pack.forms],
    ruleSets: pack.ruleSets,
    calendars: pack.calendars.length > 0 ? pack.calendars : [calendar],
    roles: pack.roles ?? roles,
    records: [],
  };
}
