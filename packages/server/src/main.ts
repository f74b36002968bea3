// The only place that reads the environment and listens.
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseConfig, ConfigError } from './config/parseConfig.js';
import { createApp } from './http/createApp.js';
import { AppError } from './errors/AppError.js';
import { importDefaultPack } from './services/importDefaultPack.js';
import { SessionPurger } from './services/SessionPurger.js';
import { openStore } from './store/openStore.js';

let config;
try {
  config = parseConfig(process.env, { staticDir: fileURLToPath(new URL('../../designer/dist', import.meta.url)) });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`aftersales: bad configuration: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const store = await openStore(config).catch((error: unknown) => {
  console.error(`aftersales: cannot open the ${config.store} store: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
const { app, services } = createApp({ store, config });

const imported = await importDefaultPack(store, services.definitions);
if (imported) {
  if (imported.problems.length > 0)
    console.error(`default policy pack NOT imported, ${imported.problems.length} problems:\n${imported.problems.join('\n')}`);
  else console.log(`Default policy pack imported and published (${imported.imported} files).`);
}
// A chosen ADMIN_PASSWORD passes the same password policy as any other (the random one does by construction).
const admin = await services.auth.bootstrapAdmin(process.env.ADMIN_PASSWORD).catch(async (error: unknown) => {
  if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
  console.error(`aftersales: ADMIN_PASSWORD is refused: ${error.message}`);
  await store.close();
  process.exit(2);
});

const server = app.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`After-sales Policy Studio is running at http://${config.host}:${port}/`);
  console.log(`Store: ${config.store} (${config.store === 'sqlite' ? config.dataDir : 'MongoDB'})`);
  if (admin) {
    console.log('First start: an administrator was created. Sign in with');
    console.log(`  user name: ${admin.username}`);
    console.log(`  password:  ${admin.password}`);
    console.log('This password is shown once; write it down (change it under Users / 用户 in the app, or with PUT /api/v1/users/:id).');
  } else {
    console.log('Sign in with your user name and password.');
  }
});
services.scheduler.start(config.tickMs);
// Expired and idle sessions and old sign-in failure counts: purged every minute (and once now).
const purger = new SessionPurger(services.auth);
void purger.purge();
purger.start(60_000);

// Unattached uploads: looked for every hour (and once at start).
void services.fileCleanup.run().catch((error: unknown) => console.error('file cleanup failed', error));
services.fileCleanup.start(3_600_000);

// Calendar versions published by another instance, or a job a stopped instance left: found within a minute.
services.deadlineRecompute.start(60_000);
services.deadlineRecompute.kick();

// Approvals waiting on a role nobody holds in the store: flagged, then escalated.
services.escalation.start(config.tickMs);

// Outbound notices (webhooks, group robots, e-mail): fanned out and sent with retries every 15 seconds.
services.notices.start(15_000);

const shutdown = () => {
  services.scheduler.stop();
  purger.stop();
  services.fileCleanup.stop();
  services.deadlineRecompute.stop();
  services.escalation.stop();
  services.notices.stop();
  server.close(
    () =>
      void services.deadlineRecompute
        .idle()
        .then(() => store.close())
        .then(() => process.exit(0)),
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
