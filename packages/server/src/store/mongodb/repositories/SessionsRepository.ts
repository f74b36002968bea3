import type { SessionsRepository } from '../../ports/SessionsRepository.js';
import type { Session } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';

export class MongoSessionsRepository implements SessionsRepository {
  constructor(private readonly database: MongoDatabase) {}

  async createSession(session: Session) {
    await this.database.col('sessions').insertOne({ ...session });
  }
  async sessionByHash(tokenHash: string) {
    return plain<Session>(await this.database.col('sessions').findOne({ tokenHash }));
  }
  async deleteSession(tokenHash: string) {
    await this.database.col('sessions').deleteOne({ tokenHash });
  }
  async deleteSessionsOf(userId: string) {
    await this.database.col('sessions').deleteMany({ userId });
  }
  async touchSession(tokenHash: string, lastSeenAt: string) {
    await this.database.col('sessions').updateOne({ tokenHash, lastSeenAt: { $lt: lastSeenAt } }, { $set: { lastSeenAt } });
  }
  async purgeSessions(now: string, idleSince: string) {
    return (await this.database.col('sessions').deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleSince } }] }))
      .deletedCount;
  }
}
