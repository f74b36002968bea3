import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from './migrateSqlite.js';
import { SQLITE_MIGRATIONS } from './index.js';

describe('migration 11: audit entries by record', () => {
  it("when a database of version 10 is migrated, then a record's entries and its approvals' decisions name the record, others none", () => {
    const db = new Database(':memory:');
    migrateSqlite(
      db,
      SQLITE_MIGRATIONS.filter((m) => m.version < 11),
    );
    db.prepare(
      `INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, created_at)
       VALUES ('a1', 'r1', 'f', 'generalManager', 'repairApproved', '{}', 'A1', 'approved', '2025-10-01T00:00:00.000Z')`,
    ).run();
    const entry = db.prepare(
      `INSERT INTO audit (at, actor, entity, entity_id, action, before, after) VALUES ('2025-10-01T00:00:00.000Z', 'boss', ?, ?, ?, NULL, ?)`,
    );
    entry.run('record', 'r1', 'create', '{}');
    entry.run('approval', 'a1', 'approved', '{"state":"approved","comment":"同意"}');
    // Its approval row gone (never, today; the entry itself names the record since the first release).
    entry.run('approval', 'a9', 'rejected', '{"state":"rejected","comment":null,"recordId":"r2"}');
    entry.run('approval', 'a8', 'rejected', 'not json');
    entry.run('user', 'r1', 'sign-in', null);

    expect(
      migrateSqlite(
        db,
        SQLITE_MIGRATIONS.filter((m) => m.version <= 11),
      ),
    ).toEqual([11]);
    expect(db.prepare('SELECT entity_id, record_id FROM audit ORDER BY id').all()).toEqual([
      { entity_id: 'r1', record_id: 'r1' },
      { entity_id: 'a1', record_id: 'r1' },
      { entity_id: 'a9', record_id: 'r2' },
      { entity_id: 'a8', record_id: null },
      { entity_id: 'r1', record_id: null },
    ]);
    db.close();
  });
});
