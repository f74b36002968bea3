import { randomUUID } from 'node:crypto';
import { hashPassword, randomPassword, verifyPassword } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { AppError } from '../errors/AppError.js';
import type { Store } from '../store/Store.js';
import type { ApiKey, Role, Scope, User } from '../store/types.js';
import type { Clock } from './Clock.js';
import type { Principal } from './Principal.js';

const SESSION_HOURS = 12;

/** Users, sessions and integrator API keys. No default secret: the first admin gets a random password. */
export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

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
    const next: User = { ...user, ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    await this.store.updateUser(next);
    if (password) await this.store.deleteSessionsOf(user.id);
    return next;
  }

  /** Checks a password; answers the same way for an unknown user and a wrong password. */
  async login(username: string, password: string): Promise<{ token: string; user: User }> {
    const user = await this.store.userByUsername(username);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH).then(() => false);
    if (!user || !ok) throw new AppError('unauthenticated', 'wrong user name or password');
    const token = newSecret('ses');
    const expiresAt = new Date(this.clock().getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await this.store.createSession({ tokenHash: hashSecret(token), userId: user.id, expiresAt });
    return { token, user };
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
    if (!session || session.expiresAt <= this.clock().toISOString()) return null;
    const user = await this.store.userById(session.userId);
    return user ? { kind: 'user', user, sessionHash: hash } : null;
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
