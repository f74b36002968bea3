import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../../testing/startTestServer.js';

/** The plan SQLite chooses for `sql` (parameters bound to NULL: the plan does not depend on them). */
function planOf(db: Database.Database, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

/** A full scan of a table, or a walk through a whole index: what a hot statement must never do. */
const fullScan = (detail: string) => /^SCAN (?!json_each)/.test(detail);

describe('SQLite query plans of the write paths', () => {
  it('when records are written, moved, breached and reminded, then every statement they run uses an index that matches it', async () => {
    let now = new Date('2025-10-09T10:00:00+08:00');
    const server = await startTestServer({ clock: () => now });
    try {
      const { records, scheduler, store } = server.services;
      const executed = new Set<string>();
      const spy = vi.spyOn(store as unknown as { stmt(sql: string): unknown }, 'stmt');

      // Record write, update, status move, approvals by record; then due deadlines, breach batch, due reminders.
      const data = {
        ticketNo: 'S-1',
        customer: { name: '王女士', phone: '13900139000' },
        callTime: '2025-10-09T10:00:00+08:00',
        zone: 'urban',
        serviceType: 'repair',
        // A person field names a user of the store: checked by the user name index.
        technician: 'zhao',
      };
      await store.createUser({
        id: 'u-zhao',
        username: 'zhao',
        displayName: '赵师傅',
        passwordHash: 'x',
        roles: ['staff'],
        policyRoles: ['technician'],
        stores: ['s1'],
        createdAt: now.toISOString(),
      });
      const { record } = await records.create('after-sales-record', data, 'clerk', { store: 's1' });
      const updated = await records.update(record.id, { ...data, ticketNo: 'S-2' }, record.rev, 'clerk');
      await records.present(updated);
      await store.listApprovals({ recordId: record.id });
      now = new Date('2025-10-09T16:30:00+08:00');
      expect((await scheduler.tick()).reminded).toBeGreaterThan(0);
      now = new Date('2025-10-10T17:00:00+08:00');
      expect((await scheduler.tick()).breached).toBeGreaterThan(0);
      await records.transition(record.id, 'dispatched', 'clerk');
      await records.transition(record.id, 'onSite', 'clerk');
      for (const call of spy.mock.calls) executed.add(call[0]);
      spy.mockRestore();

      const db = new Database(join(server.dataDir, 'aftersales.sqlite'), { readonly: true });
      const plans = [...executed].map((sql) => ({ sql, plan: planOf(db, sql) }));
      db.close();

      // No statement of these paths reads a whole table or index.
      expect(plans.filter((p) => p.plan.some(fullScan))).toEqual([]);
      // The hot statements use the index made for them (not one that merely shares a column).
      const expectations: [RegExp, RegExp][] = [
        [/^UPDATE records SET .* WHERE id = \? AND rev = \?/, /USING INDEX sqlite_autoindex_records_1 \(id=\?\)/],
        [
          /^SELECT key, deadline FROM deadlines WHERE record_id = \? AND state = 'breached'/,
          /USING (COVERING )?INDEX deadlines_record_state \(record_id=\? AND state=\?\)/,
        ],
        [/^DELETE FROM deadlines WHERE record_id = \?/, /\(record_id=\?/],
        [/^SELECT \* FROM approvals WHERE record_id = \?/, /USING INDEX approvals_record(_state)? \(record_id=\?/],
        [/^SELECT \* FROM deadlines WHERE state = 'open' AND due_at/, /USING INDEX deadlines_due \(state=\? AND due_at/],
        [
          /^SELECT \* FROM deadlines WHERE state = 'open' AND reminded = 0/,
          /USING INDEX deadlines_remind \(state=\? AND reminded=\? AND remind_at/,
        ],
        [
          /^UPDATE deadlines SET state = 'breached' WHERE record_id = \? AND key = \?/,
          /USING INDEX sqlite_autoindex_deadlines_1 \(record_id=\? AND key=\?\)/,
        ],
        [
          /^UPDATE deadlines SET reminded = 1 WHERE record_id = \? AND key = \?/,
          /USING INDEX sqlite_autoindex_deadlines_1 \(record_id=\? AND key=\?\)/,
        ],
        [
          /^SELECT \* FROM deadlines WHERE record_id IN/,
          /USING INDEX (sqlite_autoindex_deadlines_1|deadlines_record_state) \(record_id=\?/,
        ],
      ];
      for (const [statement, index] of expectations) {
        const matching = plans.filter((p) => statement.test(p.sql));
        expect(matching.length, `a statement like ${statement} ran`).toBeGreaterThan(0);
        for (const p of matching) expect(p.plan.join('\n'), p.sql).toMatch(index);
      }
    } finally {
      await server.close();
    }
  });
});
