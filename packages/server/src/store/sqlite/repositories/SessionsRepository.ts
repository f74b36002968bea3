import type { SessionsRepository } from '../../ports/SessionsRepository.js';
import type { Session } from '../../types.js';
import type { Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

export class SqliteSessionsRepository implements SessionsRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async createSession(session: Session) {
    this.database
      .stmt('INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(session.tokenHash, session.userId, session.expiresAt, session.lastSeenAt);
  }
  async sessionByHash(tokenHash: string) {
    const row = this.database.stmt('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row
      ? {
          tokenHash: String(row.token_hash),
          userId: String(row.user_id),
          expiresAt: String(row.expires_at),
          lastSeenAt: String(row.last_seen_at),
        }
      : null;
  }
  async deleteSession(tokenHash: string) {
    this.database.stmt('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }
  async deleteSessionsOf(userId: string) {
    this.database.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }
  async touchSession(tokenHash: string, lastSeenAt: string) {
    this.database
      .stmt('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?')
      .run(lastSeenAt, tokenHash, lastSeenAt);
  }
  async purgeSessions(now: string, idleSince: string) {
    return this.database.stmt('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, idleSince).changes;
  }
}
