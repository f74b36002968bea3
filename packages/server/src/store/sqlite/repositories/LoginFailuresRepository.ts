import type { LoginFailuresRepository } from '../../ports/LoginFailuresRepository.js';
import type { LoginFailures } from '../../types.js';
import type { Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';

export class SqliteLoginFailuresRepository implements LoginFailuresRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async addLoginFailure(key: string, at: string, forgetBefore: string) {
    const row = this.database
      .stmt(
        `INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
         last_failure_at = MAX(last_failure_at, excluded.last_failure_at)
       RETURNING *`,
      )
      .get(key, at, forgetBefore) as Row;
    return toLoginFailures(row);
  }
  async loginFailures(keys: string[]) {
    if (keys.length === 0) return [];
    const rows = this.database.db
      .prepare(`SELECT * FROM login_failures WHERE key IN (${keys.map(() => '?').join(', ')})`)
      .all(...keys) as Row[];
    return rows.map(toLoginFailures);
  }
  async forgiveLoginFailure(key: string) {
    this.database.stmt('UPDATE login_failures SET failures = failures - 1 WHERE key = ? AND failures > 0').run(key);
  }
  async clearLoginFailures(key: string) {
    this.database.stmt('DELETE FROM login_failures WHERE key = ?').run(key);
  }
  async purgeLoginFailures(before: string) {
    return this.database.stmt('DELETE FROM login_failures WHERE last_failure_at < ?').run(before).changes;
  }
}

function toLoginFailures(row: Row): LoginFailures {
  return { key: String(row.key), failures: Number(row.failures), lastFailureAt: String(row.last_failure_at) };
}
