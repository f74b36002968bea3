import type { LoginFailures } from '../types.js';

/** Failed sign-ins counted per account and per address, shared by every instance. */
export interface LoginFailuresRepository {
  /**
   * Counts one more failed sign-in under `key` at `at` (atomically, so every instance sees it); a count whose
   * last failure is before `forgetBefore` starts again at one. Returns the row after the update.
   */
  addLoginFailure(key: string, at: string, forgetBefore: string): Promise<LoginFailures>;
  loginFailures(keys: string[]): Promise<LoginFailures[]>;
  /** Takes one counted attempt back (a sign-in that succeeded after being counted); never below zero. */
  forgiveLoginFailure(key: string): Promise<void>;
  clearLoginFailures(key: string): Promise<void>;
  /** Deletes counts whose last failure is before `before`; returns how many. */
  purgeLoginFailures(before: string): Promise<number>;
}
