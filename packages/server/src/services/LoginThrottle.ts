import type { AppError } from '../errors/AppError.js';
import { DomainError } from '../errors/DomainError.js';
import type { LoginFailures } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { LoginFailuresRepository } from '../store/ports/LoginFailuresRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = LoginFailuresRepository;

/** How sign-in attempts are slowed down; the counts live in the store, so every server instance applies them. */
export interface ThrottlePolicy {
  /** Failures of one account before it waits. */
  accountFreeFailures: number;
  /** Failures from one client address (a whole store behind one router) before it waits. */
  addressFreeFailures: number;
  /** The first wait; each further failure doubles it, up to maxDelaySeconds. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** A count with no failure for this long starts again (and is purged). */
  forgetAfterHours: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterHours: 24,
};

/** The wait after `failures` failures when `free` are allowed: none, then base, 2 x base, 4 x base, ... up to the cap. */
export function delaySeconds(failures: number, free: number, policy: ThrottlePolicy): number {
  if (failures < free) return 0;
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(failures - free, 30));
}

type Attempt = { accountKey: string; addressKey: string; seen: Map<string, number> };

/**
 * Login throttling per account and per client address with growing waits (429 with Retry-After).
 * An attempt is counted before the password is checked, so a burst of parallel guesses cannot all
 * pass the check before the first one is counted; a success takes its count back.
 */
export class LoginThrottle {
  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  private free(key: string): number {
    return key.startsWith('account:') ? this.policy.accountFreeFailures : this.policy.addressFreeFailures;
  }

  /** Seconds until a key may try again (0: now). */
  private wait(row: LoginFailures, now: number): number {
    const delay = delaySeconds(row.failures, this.free(row.key), this.policy);
    if (delay === 0) return 0;
    return Math.max(0, Math.ceil((Date.parse(row.lastFailureAt) + delay * 1000 - now) / 1000));
  }

  /**
   * Refuses with too_many_requests while the account or the address waits; otherwise counts the
   * attempt (as a failure until `succeeded`) and returns it.
   */
  async begin(username: string, address: string): Promise<Attempt> {
    const accountKey = `account:${username.toLowerCase()}`;
    const addressKey = `address:${address}`;
    const now = this.clock().getTime();
    const rows = await this.store.loginFailures([accountKey, addressKey]);
    const seen = new Map(rows.map((r) => [r.key, r.failures]));
    const wait = Math.max(0, ...rows.map((r) => this.wait(r, now)));
    if (wait > 0) throw tooMany(wait);
    const at = new Date(now).toISOString();
    const forgetBefore = new Date(now - this.policy.forgetAfterHours * 3_600_000).toISOString();
    const counted = await Promise.all([accountKey, addressKey].map((key) => this.store.addLoginFailure(key, at, forgetBefore)));
    // Other attempts counted between the read and this count (a parallel burst): past the free ones, this one waits too.
    const raced = counted.filter((row) => row.failures > (seen.get(row.key) ?? 0) + 1 && row.failures - 1 >= this.free(row.key));
    if (raced.length > 0) throw tooMany(Math.max(...raced.map((row) => delaySeconds(row.failures - 1, this.free(row.key), this.policy))));
    return { accountKey, addressKey, seen };
  }

  /** The password was right: the account starts afresh; the address gets its attempt back. */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.store.clearLoginFailures(attempt.accountKey);
    await this.store.forgiveLoginFailure(attempt.addressKey);
  }

  /** Counts older than the forget period go (called by the session purger). */
  async purge(): Promise<number> {
    return this.store.purgeLoginFailures(new Date(this.clock().getTime() - this.policy.forgetAfterHours * 3_600_000).toISOString());
  }
}

function tooMany(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new DomainError('auth.tooManyAttempts', { minutes, plural: minutes === 1 ? '' : 's' }, { retryAfterSeconds: seconds });
}
