import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from './migrateSqlite.js';
import { SQLITE_MIGRATIONS } from './index.js';

describe('migration 4: approval store and escalation marks', () => {
  it('when a database of version 3 is migrated, then each approval takes its record store, and those already escalated the time of that notice', () => {
    const db = new Database(':memory:');
    migrateSqlite(
      db,
      SQLITE_MIGRATIONS.filter((m) => m.version < 4),
    );
    const record = db.prepare(
      `INSERT INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by, created_at, updated_at, rev)
       VALUES (?, 'f', 1, '{}', 'received', '{}', '{}', ?, NULL, 'clerk', 'x', 'x', 1)`,
    );
    record.run('r1', 'jiefang');
    record.run('r2', null);
    const approval = db.prepare(
      `INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, created_at)
       VALUES (?, ?, 'f', 'deputyGeneralManager', 'received', '{}', 'C1', 'pending', '2025-10-01T00:00:00.000Z')`,
    );
    approval.run('a1', 'r1');
    approval.run('a2', 'r2');
    db.prepare(
      `INSERT INTO notifications (id, unique_key, at, role, person, record_id, message)
       VALUES ('n1', 'approval-escalated|a1', '2025-10-02T00:00:00.000Z', 'generalManager', NULL, 'r1', '{}')`,
    ).run();

    expect(migrateSqlite(db, SQLITE_MIGRATIONS)[0]).toBe(4);
    expect(db.prepare('SELECT id, store, escalated_at FROM approvals ORDER BY id').all()).toEqual([
      { id: 'a1', store: 'jiefang', escalated_at: '2025-10-02T00:00:00.000Z' },
      { id: 'a2', store: null, escalated_at: null },
    ]);
    db.close();
  });
});
