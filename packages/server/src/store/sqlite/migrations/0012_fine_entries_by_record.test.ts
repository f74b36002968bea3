import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from './migrateSqlite.js';
import { SQLITE_MIGRATIONS } from './index.js';

describe('migration 12: fine entries by record', () => {
  it('when a database of version 11 is migrated, then a waiver or correction names the record its entry carries, others are left as they were', () => {
    const db = new Database(':memory:');
    migrateSqlite(
      db,
      SQLITE_MIGRATIONS.filter((m) => m.version < 12),
    );
    const entry = db.prepare(
      `INSERT INTO audit (at, actor, entity, entity_id, action, before, after, record_id)
       VALUES ('2025-10-13T06:20:00.000Z', 'boss', ?, ?, ?, NULL, ?, ?)`,
    );
    entry.run('fine', 'f1', 'fine waived', '{"amount":0,"reason":"客户原因","recordId":"r1"}', null);
    entry.run('fine', 'f2', 'fine corrected', '{"amount":20,"reason":"只收了 20 元","recordId":"r2"}', null);
    // Nothing to take: no record id, not a string, not JSON.
    entry.run('fine', 'f3', 'fine waived', '{"amount":0}', null);
    entry.run('fine', 'f4', 'fine waived', '{"amount":0,"recordId":7}', null);
    entry.run('fine', 'f5', 'fine waived', 'not json', null);
    // Already named, or not a fine's: unchanged.
    entry.run('fine', 'f6', 'fine waived', '{"recordId":"r9"}', 'r6');
    entry.run('calendar', 'c1', 'deadlines recomputed for version 2', '{"recordId":"r1"}', null);

    expect(migrateSqlite(db, SQLITE_MIGRATIONS)).toEqual([12]);
    expect(db.prepare('SELECT entity_id, record_id FROM audit ORDER BY id').all()).toEqual([
      { entity_id: 'f1', record_id: 'r1' },
      { entity_id: 'f2', record_id: 'r2' },
      { entity_id: 'f3', record_id: null },
      { entity_id: 'f4', record_id: null },
      { entity_id: 'f5', record_id: null },
      { entity_id: 'f6', record_id: 'r6' },
      { entity_id: 'c1', record_id: null },
    ]);
    db.close();
  });
});
