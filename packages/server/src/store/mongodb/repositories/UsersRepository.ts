import { MongoServerError, type Document } from 'mongodb';
import { DomainError } from '../../../errors/DomainError.js';
import { apiKeyRevokedWithCreator, userDeactivation } from '../../auditEntries.js';
import type { UsersRepository } from '../../ports/UsersRepository.js';
import type { ApiKey, User } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import type { MongoAuditRepository } from './AuditRepository.js';

export class MongoUsersRepository implements UsersRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly audit: MongoAuditRepository,
  ) {}

  async countUsers() {
    return this.database.col('users').countDocuments();
  }
  async createUser(user: User) {
    try {
      await this.database.col('users').insertOne({ ...user });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) throw new DomainError('user.exists', { username: user.username });
      throw error;
    }
  }
  async userByUsername(username: string) {
    return toUser(await this.database.col('users').findOne({ username }));
  }
  async userById(id: string) {
    return toUser(await this.database.col('users').findOne({ id }));
  }
  async listUsers() {
    return (await this.database.col('users').find().sort({ username: 1 }).toArray()).map((d) => toUser(d)!);
  }
  async updateUser(user: User) {
    // Deactivation has its own unit of work (setUserDeactivated); an edit never undoes it.
    const { deactivatedAt: _deactivated, ...changes } = user;
    await this.database.col('users').updateOne({ id: user.id }, { $set: changes });
  }
  async setUserDeactivated(userId: string, at: string | null, actor: string, now: string) {
    const { database } = this;
    return database.transaction(async (session) => {
      const before = toUser(await database.col('users').findOne({ id: userId }, { session }));
      if (!before) return null;
      await database
        .col('users')
        .updateOne({ id: userId }, at === null ? { $unset: { deactivatedAt: '' } } : { $set: { deactivatedAt: at } }, { session });
      const user: User = { ...before };
      delete user.deactivatedAt;
      if (at !== null) user.deactivatedAt = at;
      const revokedKeys: string[] = [];
      if (at !== null) {
        await database.col('sessions').deleteMany({ userId }, { session });
        const keys = (await database.col('apiKeys').find({ createdBy: before.username, revoked: false }, { session }).toArray()).map((k) =>
          plain<ApiKey>(k)!,
        );
        for (const key of keys) {
          await database.col('apiKeys').updateOne({ id: key.id }, { $set: { revoked: true } }, { session });
          revokedKeys.push(key.id);
          await this.audit.append(apiKeyRevokedWithCreator(key, actor, now), session);
        }
      }
      await this.audit.append(userDeactivation(before, user, revokedKeys, actor, now), session);
      return { user, revokedKeys };
    });
  }
}

/** A stored user; a null or absent `deactivatedAt` is an active user. */
function toUser(doc: Document | null): User | null {
  const user = plain<User & { deactivatedAt?: string | null }>(doc);
  if (!user) return null;
  if (user.deactivatedAt === null || user.deactivatedAt === undefined) delete user.deactivatedAt;
  return user;
}
