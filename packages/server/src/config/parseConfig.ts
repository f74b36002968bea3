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
  const sessionIdleMinutes = Number(env.SESSION_IDLE_MINUTES ?? '30');
  if (!Number.isInteger(sessionIdleMinutes) || sessionIdleMinutes < 1 || sessionIdleMinutes > 7 * 24 * 60)
    throw new ConfigError(`SESSION_IDLE_MINUTES must be a whole number from 1 to 10080, not "${env.SESSION_IDLE_MINUTES}"`);
  const sessionMaxHours = Number(env.SESSION_MAX_HOURS ?? '12');
  if (!Number.isInteger(sessionMaxHours) || sessionMaxHours < 1 || sessionMaxHours > 30 * 24)
    throw new ConfigError(`SESSION_MAX_HOURS must be a whole number from 1 to 720, not "${env.SESSION_MAX_HOURS}"`);
  const whole = (name: string, fallback: number, min: number, max: number) => {
    const value = Number(env[name] ?? String(fallback));
    if (!Number.isInteger(value) || value < min || value > max)
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${env[name]}"`);
    return value;
  };
  const filesPerDay = whole('UPLOAD_FILES_PER_DAY', DEFAULT_UPLOAD_QUOTA.filesPerDay, 1, 1_000_000);
  const mibPerDay = whole('UPLOAD_MIB_PER_DAY', DEFAULT_UPLOAD_QUOTA.bytesPerDay / 1_048_576, 1, 1_000_000);
  const orphanUploadHours = whole('ORPHAN_UPLOAD_HOURS', 24, 1, 24 * 365);
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionIdleMinutes,
    sessionMaxHours,
    escalation: { flagRole, escalateTo, afterMs: Math.round(escalateHours * 3_600_000) },
    ...((env.STATIC_DIR ?? defaults.staticDir) ? { staticDir: resolve(env.STATIC_DIR ?? defaults.staticDir!) } : {}),
    uploadQuota: { filesPerDay, bytesPerDay: mibPerDay * 1_048_576 },
    orphanUploadHours,
    noticeAllowHosts: (env.NOTICE_ALLOW_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  };
}

/**
 * TRUST_PROXY: unset or "false" (no proxy), a number of hops ("1": the proxy in front), or a comma
 * list of proxy addresses, subnets (CIDR) or Express's names (loopback, linklocal, uniquelocal).
 * "true" is refused: believing every X-Forwarded-For lets any client pick the address it is throttled by.
 */
function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY must be at most 10 hops, not "${text}"`);
    return hops;
  }
  if (text === 'true')
    throw new ConfigError("TRUST_PROXY=true would believe any client's X-Forwarded-For; give the number of proxies or their addresses");
  const entries = text.split(',').map((e) => e.trim());
  const entry = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
  const bad = entries.find((e) => !entry.test(e));
  if (bad !== undefined) throw new ConfigError(`TRUST_PROXY: "${bad}" is not a proxy address, subnet, or loopback/linklocal/uniquelocal`);
  return entries;
}
