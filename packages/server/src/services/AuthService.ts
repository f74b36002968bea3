import { randomUUID } from 'node:crypto';
import { RESERVED_USERNAMES } from '@aftersales/contract';
import { hashPassword, randomPassword, verifyPassword } from '../auth/password.js';
import { assertPasswordPolicy } from '../auth/passwordPolicy.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import type { ApiKey, Role, Scope, User } from '../store/types.js';
import type { Clock } from './Clock.js';
import { LoginThrottle, type ThrottlePolicy } from './LoginThrottle.js';
import { actorOf, type Principal } from './Principal.js';
import type { UsersRepository } from '../store/ports/UsersRepository.js';
import type { SessionsRepository } from '../store/ports/SessionsRepository.js';
import type { ApiKeysRepository } from '../store/ports/ApiKeysRepository.js';
import type { AuditRepository } from '../store/ports/AuditRepository.js';
import type { LoginFailuresRepository } from '../store/ports/LoginFailuresRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = UsersRepository & SessionsRepository & ApiKeysRepository & AuditRepository & LoginFailuresRepository;

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, used or not. */
  maxHours: number;
}

export const DEFAULT_SESSIONS: SessionPolicy = { idleMinutes: 30, maxHours: 12 };
/** A session's last use is written at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Users, sessions and integrator API keys. No default secret: the first admin gets a random password. */
export class AuthService {
  readonly sessions: SessionPolicy;
  readonly throttle: LoginThrottle;

  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    options: { sessions?: Partial<SessionPolicy>; throttle?: ThrottlePolicy } = {},
  ) {
    this.sessions = { ...DEFAULT_SESSIONS, ...options.sessions };
    this.throttle = new LoginThrottle(store, clock, options.throttle);
  }

  /** On an empty store, creates `admin` with a random password and returns it (printed once by main). */
  async bootstrapAdmin(password?: string): Promise<{ username: string; password: string } | null> {
    if ((await this.store.countUsers()) > 0) return null;
    const secret = password ?? randomPassword();
    await this.createUser({
      username: 'admin',
      displayName: '管理员 Admin',
      password: secret,
      roles: ['admin', 'manager'],
      policyRoles: ['afterSalesManager', 'generalManager'],
      stores: [],
    });
    return { username: 'admin', password: secret };
  }

  async createUser(input: {
    username: string;
    displayName: string;
    password: string;
    roles: Role[];
    policyRoles: string[];
    stores: string[];
  }): Promise<User> {
    // The server's own work is written under these names (an audit entry's actor): no person may take them.
    if (RESERVED_USERNAMES.includes(input.username)) throw new DomainError('user.reservedName', { username: input.username });
    assertPasswordPolicy(input.password, input);
    const user: User = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
      policyRoles: input.policyRoles,
      stores: input.stores,
      createdAt: this.clock().toISOString(),
    };
    await this.store.createUser(user);
    return user;
  }

  /** Changes what an admin may change; a new password also ends the user's sessions. */
  async updateUser(
    user: User,
    changes: Partial<Pick<User, 'displayName' | 'roles' | 'policyRoles' | 'stores'>> & { password?: string },
  ): Promise<User> {
    const { password, ...rest } = changes;
    if (password !== undefined)
      assertPasswordPolicy(password, { username: user.username, displayName: rest.displayName ?? user.displayName });
    const next: User = { ...user, ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    await this.store.updateUser(next);
    if (password) await this.store.deleteSessionsOf(user.id);
    return next;
  }

  /**
   * Checks a password; answers the same way for an unknown user and a wrong password. Throttled per
   * account and per client address (429 with Retry-After); every attempt is audited, never the password.
   * A deactivated user with the right password gets a 403 (only someone holding the password learns it).
   */
  async login(username: string, password: string, address: string): Promise<{ token: string; user: User }> {
    const audit = (action: string, user: User | null) =>
      this.store.appendAudit({
        at: this.clock().toISOString(),
        actor: user ? user.username : 'anonymous',
        entity: 'user',
        entityId: user ? user.id : `username:${username}`,
        action,
        before: null,
        after: { username, address },
      });
    let attempt;
    try {
      attempt = await this.throttle.begin(username, address);
    } catch (error) {
      await audit('sign-in throttled', await this.store.userByUsername(username));
      throw error;
    }
    const user = await this.store.userByUsername(username);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH).then(() => false);
    if (!user || !ok) {
      await audit('sign-in failed', user);
      throw new DomainError('auth.wrongPassword', {});
    }
    await this.throttle.succeeded(attempt);
    if (user.deactivatedAt) {
      await audit('sign-in refused (deactivated)', user);
      throw new DomainError('auth.deactivated', {});
    }
    const token = newSecret('ses');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.sessions.maxHours * 3_600_000).toISOString();
    await this.store.createSession({ tokenHash: hashSecret(token), userId: user.id, expiresAt, lastSeenAt: now.toISOString() });
    await audit('sign-in', user);
    return { token, user };
  }

  /** Deactivates (or reactivates) a user: their sessions end and the API keys they created are revoked, in one step. */
  async setDeactivated(user: User, deactivated: boolean, actor: Principal): Promise<User> {
    if (deactivated && actor.kind === 'user' && actor.user.id === user.id)
      throw new DomainError(
        'user.deactivateSelf',
        {},
        {
          details: [domainDetail('/id', 'detail.otherAdmin', {})],
        },
      );
    const now = this.clock().toISOString();
    const done = await this.store.setUserDeactivated(user.id, deactivated ? now : null, actorOf(actor), now);
    if (!done) throw new DomainError('user.notFound', { id: user.id });
    return done.user;
  }

  /** Deletes sessions past their lifetime or idle timeout and forgotten sign-in failure counts. */
  async purgeExpired(): Promise<{ sessions: number; loginFailures: number }> {
    const now = this.clock().getTime();
    const sessions = await this.store.purgeSessions(
      new Date(now).toISOString(),
      new Date(now - this.sessions.idleMinutes * 60_000).toISOString(),
    );
    return { sessions, loginFailures: await this.throttle.purge() };
  }

  /** Ends the session the caller signed in with (cookie or bearer token). */
  async logout(principal: Principal): Promise<void> {
    if (principal.kind === 'user' && principal.sessionHash) await this.store.deleteSession(principal.sessionHash);
  }

  /** The caller of a session token or API key, or null. */
  async principal(secret: string): Promise<Principal | null> {
    const hash = hashSecret(secret);
    if (secret.startsWith('ak_')) {
      const key = await this.store.apiKeyByHash(hash);
      return key && !key.revoked ? { kind: 'apiKey', id: key.id, name: key.name, scopes: key.scopes } : null;
    }
    const session = await this.store.sessionByHash(hash);
    if (!session) return null;
    const now = this.clock();
    const idleSince = new Date(now.getTime() - this.sessions.idleMinutes * 60_000).toISOString();
    if (session.expiresAt <= now.toISOString() || session.lastSeenAt <= idleSince) {
      await this.store.deleteSession(hash);
      return null;
    }
    const user = await this.store.userById(session.userId);
    if (!user || user.deactivatedAt) return null;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) await this.store.touchSession(hash, now.toISOString());
    return { kind: 'user', user, sessionHash: hash };
  }

  /** A new API key; the secret is returned once and only its hash is kept. */
  async createApiKey(name: string, scopes: Scope[], createdBy: string): Promise<{ key: Omit<ApiKey, 'keyHash'>; secret: string }> {
    const secret = newSecret('ak');
    const key: ApiKey = {
      id: randomUUID(),
      name,
      keyHash: hashSecret(secret),
      scopes,
      createdBy,
      createdAt: this.clock().toISOString(),
      revoked: false,
    };
    await this.store.createApiKey(key);
    const { keyHash: _hash, ...shown } = key;
    return { key: shown, secret };
  }
}

// A real scrypt hash, so an unknown user costs the same time as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
