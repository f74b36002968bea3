import { resolve } from 'node:path';
import type { Config } from './Config.js';

export class ConfigError extends Error {}

/** Reads the environment once and refuses bad values with a message that names the variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, defaults: { staticDir?: string } = {}): Config {
  const store = env.STORE ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'mongodb') throw new ConfigError(`STORE must be "sqlite" or "mongodb", not "${store}"`);
  if (store === 'mongodb' && !env.MONGODB_URI)
    throw new ConfigError('STORE=mongodb needs MONGODB_URI (e.g. mongodb://host:27017/aftersales)');
  if (env.MONGODB_URI && !/^mongodb(\+srv)?:\/\//.test(env.MONGODB_URI))
    throw new ConfigError('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  const tickMs = Number(env.CLOCK_TICK_MS ?? '15000');
  if (!Number.isFinite(tickMs) || tickMs < 100) throw new ConfigError(`CLOCK_TICK_MS must be at least 100, not "${env.CLOCK_TICK_MS}"`);
  const host = env.HOST ?? '127.0.0.1';
  const roleId = /^[a-z][A-Za-z0-9]{0,63}$/;
  const flagRole = env.APPROVAL_FLAG_ROLE ?? 'afterSalesManager';
  if (!roleId.test(flagRole))
    throw new ConfigError(`APPROVAL_FLAG_ROLE must be a policy role id (e.g. afterSalesManager), not "${flagRole}"`);
  const escalateTo = env.APPROVAL_ESCALATE_TO ?? 'generalManager';
  if (!roleId.test(escalateTo))
    throw new ConfigError(`APPROVAL_ESCALATE_TO must be a policy role id (e.g. generalManager), not "${escalateTo}"`);
  const escalateHours = Number(env.APPROVAL_ESCALATE_AFTER_HOURS ?? '24');
  if (!Number.isFinite(escalateHours) || escalateHours <= 0 || escalateHours > 24 * 365)
    throw new ConfigError(`APPROVAL_ESCALATE_AFTER_HOURS must be more than 0 and at most 8760, not "${env.APPROVAL_ESCALATE_AFTER_HOURS}"`);
  return {
    store,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}),
    host,
    port,
    secureCookies: env.SECURE_COOKIES === 'true',
    tickMs,
    escalation: { flagRole, escalateTo, afterMs: Math.round(escalateHours * 3_600_000) },
    ...((env.STATIC_DIR ?? defaults.staticDir) ? { staticDir: resolve(env.STATIC_DIR ?? defaults.staticDir!) } : {}),
  };
}
