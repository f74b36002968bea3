import { resolve } from 'node:path';
import type { Config } from './Config.js';
import { DEFAULT_UPLOAD_QUOTA } from '../services/FileService.js';

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
  const whole = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(env[name] ?? String(fallback));
    if (!Number.isInteger(value) || value < min || value > max)
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${env[name]}"`);
    return value;
  };
  const filesPerDay = whole('UPLOAD_FILES_PER_DAY', DEFAULT_UPLOAD_QUOTA.filesPerDay, 1, 1_000_000);
  const mibPerDay = whole('UPLOAD_MIB_PER_DAY', DEFAULT_UPLOAD_QUOTA.bytesPerDay / 1_048_576, 1, 1_000_000);
  const orphanUploadHours = whole('ORPHAN_UPLOAD_HOURS', 24, 1, 24 * 365);
  return {
    store,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}),
    host,
    port,
    secureCookies: env.SECURE_COOKIES === 'true',
    tickMs,
    ...((env.STATIC_DIR ?? defaults.staticDir) ? { staticDir: resolve(env.STATIC_DIR ?? defaults.staticDir!) } : {}),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    uploadQuota: { filesPerDay, bytesPerDay: mibPerDay * 1_048_576 },
    orphanUploadHours,
  };
}

/**
 * TRUST_PROXY: unset or "false" (direct connections: X-Forwarded-* ignored), "true" (any proxy),
 * a hop count, or comma-separated proxy addresses/subnets (Express's "trust proxy" forms).
 */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  if (/^[0-9a-fA-F.:/,\s]+$|^(loopback|linklocal|uniquelocal)(\s*,\s*(loopback|linklocal|uniquelocal))*$/.test(value)) return value;
  throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or proxy addresses (e.g. 127.0.0.1,10.0.0.0/8), not "${value}"`);
}
