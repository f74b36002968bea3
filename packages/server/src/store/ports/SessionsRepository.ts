import type { Session } from '../types.js';

/** Browser sessions (the cookie's token, hashed). */
export interface SessionsRepository {
  createSession(session: Session): Promise<void>;
  sessionByHash(tokenHash: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user (after a password reset). */
  deleteSessionsOf(userId: string): Promise<void>;
  /** Moves a session's idle clock (the last use). */
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  /** Deletes sessions past their absolute end (`expiresAt <= now`) or idle since `idleSince` (`lastSeenAt <= idleSince`); returns how many. */
  purgeSessions(now: string, idleSince: string): Promise<number>;
}
