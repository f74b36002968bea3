import type { User } from '../types.js';

/** People who sign in: their accounts, roles and stores. */
export interface UsersRepository {
  countUsers(): Promise<number>;
  createUser(user: User): Promise<void>;
  userByUsername(username: string): Promise<User | null>;
  userById(id: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  updateUser(user: User): Promise<void>;
  /**
   * Deactivates (`at` set) or reactivates (`at` null) a user in one unit of work, with an audit entry by `actor`.
   * Deactivating ends the user's sessions and revokes the API keys they created (each audited). Null when there is no such user.
   */
  setUserDeactivated(userId: string, at: string | null, actor: string, now: string): Promise<{ user: User; revokedKeys: string[] } | null>;
}
