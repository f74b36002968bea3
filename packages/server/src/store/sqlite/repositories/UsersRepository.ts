import { DomainError } from '../../../errors/DomainError.js';
import { apiKeyRevokedWithCreator, userDeactivation } from '../../auditEntries.js';
import type { UsersRepository } from '../../ports/UsersRepository.js';
import type { User } from '../../types.js';
import { json, parse, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import { toApiKey } from './ApiKeysRepository.js';
import type { SqliteAuditRepository } from './AuditRepository.js';

export class SqliteUsersRepository implements UsersRepository {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly audit: SqliteAuditRepository,
  ) {}

  async countUsers() {
    return Number((this.database.stmt('SELECT COUNT(*) AS n FROM users').get() as Row).n);
  }
  async createUser(user: User) {
    try {
      this.database
        .stmt(
          'INSERT INTO users (id, username, display_name, password_hash, roles, policy_roles, stores, created_at, deactivated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          user.id,
          user.username,
          user.displayName,
          user.passwordHash,
          json(user.roles),
          json(user.policyRoles),
          json(user.stores),
          user.createdAt,
          user.deactivatedAt ?? null,
        );
    } catch (error) {
      if (String(error).includes('UNIQUE')) throw new DomainError('user.exists', { username: user.username });
      throw error;
    }
  }
  async userByUsername(username: string) {
    return toUser(this.database.stmt('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined);
  }
  async userById(id: string) {
    return toUser(this.database.stmt('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined);
  }
  async listUsers() {
    return (this.database.stmt('SELECT * FROM users ORDER BY username').all() as Row[]).map((r) => toUser(r)!);
  }
  async updateUser(user: User) {
    this.database
      .stmt('UPDATE users SET display_name = ?, password_hash = ?, roles = ?, policy_roles = ?, stores = ? WHERE id = ?')
      .run(user.displayName, user.passwordHash, json(user.roles), json(user.policyRoles), json(user.stores), user.id);
  }
  async setUserDeactivated(userId: string, at: string | null, actor: string, now: string) {
    const { database } = this;
    return database.transaction(() => {
      const before = toUser(database.stmt('SELECT * FROM users WHERE id = ?').get(userId) as Row | undefined);
      if (!before) return null;
      database.stmt('UPDATE users SET deactivated_at = ? WHERE id = ?').run(at, userId);
      const user = toUser(database.stmt('SELECT * FROM users WHERE id = ?').get(userId) as Row)!;
      const revokedKeys: string[] = [];
      if (at !== null) {
        database.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
        const keys = database.stmt('SELECT * FROM api_keys WHERE created_by = ? AND revoked = 0').all(before.username) as Row[];
        for (const key of keys.map((k) => toApiKey(k)!)) {
          database.stmt('UPDATE api_keys SET revoked = 1 WHERE id = ?').run(key.id);
          revokedKeys.push(key.id);
          this.audit.append(apiKeyRevokedWithCreator(key, actor, now));
        }
      }
      this.audit.append(userDeactivation(before, user, revokedKeys, actor, now));
      return { user, revokedKeys };
    });
  }
}

function toUser(row: Row | undefined): User | null {
  if (!row) return null;
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    passwordHash: String(row.password_hash),
    roles: parse(row.roles),
    policyRoles: parse(row.policy_roles),
    stores: parse(row.stores),
    createdAt: String(row.created_at),
    ...(typeof row.deactivated_at === 'string' ? { deactivatedAt: row.deactivated_at } : {}),
  };
}
