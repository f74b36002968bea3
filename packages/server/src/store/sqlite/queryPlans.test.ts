import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { sampleRecord, sampleWrite } from '../../testing/storeContract.js';
import { startTestServer } from '../../testing/startTestServer.js';
import { SqliteStore } from './SqliteStore.js';

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
      // Every statement of the SQLite store is prepared through the shared handle's statement cache.
      const spy = vi.spyOn((store as SqliteStore).database, 'stmt');

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

describe('SQLite query plans of the lists, ledger, dashboards and history facts', () => {
  it('when each list, total and aggregate runs, then its statement walks the index made for it (never the table)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-plans-'));
    const store = new SqliteStore(dir);
    try {
      const db = (store as unknown as { db: Database.Database }).db;
      const spy = vi.spyOn(db, 'prepare');
      const cases: [() => Promise<unknown>, RegExp][] = [
        // A page after a cursor is a range of the index from the cursor on (a row value), not a walk from the newest record.
        [
          () => store.pageRecords({ limit: 50, after: ['x', 'y'] }),
          /SEARCH records USING INDEX records_created \(\(created_at,id\)<\(\?,\?\)\)/,
        ],
        [
          () => store.pageRecords({ formId: 'f', store: 's1', limit: 50, after: ['x', 'y'] }),
          /COVERING INDEX records_form_store \(form_id=\? AND store=\?\)[\s\S]*SEARCH records USING INDEX records_form_store \(form_id=\? AND store=\? AND \(created_at,id\)<\(\?,\?\)\)/,
        ],
        [() => store.pageFines({ limit: 100, after: ['x', 'y'] }), /SEARCH fines USING INDEX fines_posted \(\(posted_at,id\)<\(\?,\?\)\)/],
        [() => store.pageRecords({ formId: 'f', limit: 50 }), /records_form_(created|status) \(form_id=\?/],
        [() => store.pageRecords({ formId: 'f', status: 'open', limit: 50 }), /records_form_status \(form_id=\? AND status=\?/],
        [() => store.pageRecords({ store: 's1', limit: 50 }), /records_store_created \(store=\?/],
        [() => store.pageRecords({ deadlineState: 'breached', limit: 50 }), /deadlines_record_state \(record_id=\? AND state=\?\)/],
        [() => store.pageRecords({ createdFrom: 'a', createdTo: 'b', limit: 50 }), /records_created \(created_at>\? AND created_at<\?\)/],
        [() => store.pageRecords({ search: '王师傅', limit: 50 }), /records_search VIRTUAL TABLE/],
        [() => store.pageRecords({ search: '王', limit: 50 }), /records_words VIRTUAL TABLE/],
        // The page's total from the month's tallies, its rows from the posted-time index.
        [
          () => store.pageFines({ month: '2025-10', limit: 100 }),
          /SEARCH fine_tallies USING PRIMARY KEY \(month=\?\)[\s\S]*fines_(posted|totals) \(posted_at>\? AND posted_at<\?\)/,
        ],
        [() => store.pageFines({ person: 'p', limit: 100 }), /fines_person \(person=\?/],
        // A record's fines (its page): its few rows by fines_record, counted and summed from them (no tallies per record).
        [() => store.pageFines({ recordId: 'r', limit: 100 }), /SEARCH fines USING INDEX fines_record \(record_id=\?\)/],
        [() => store.fineTotals({ recordId: 'r' }), /SEARCH fines USING INDEX fines_record \(record_id=\?\)/],
        // Month ledger totals and the dashboards: sums over their tallies' primary keys, never a fine or a record read.
        [() => store.fineTotals({ month: '2025-10' }), /SEARCH fine_tallies USING PRIMARY KEY \(month=\?\)/],
        [() => store.fineTotals({ postedFrom: '2025-10-05T00:00:00.000Z' }), /COVERING INDEX fines_totals \(posted_at>\?\)/],
        [() => store.recordCounts({ formId: 'f', field: 'zone' }), /SEARCH record_tallies USING PRIMARY KEY \(view_id=\?\)/],
        [
          () =>
            store.complianceCounts({
              formId: 'f',
              groupBy: 'zone',
              dueFrom: '2025-09-28T16:00:00.000Z',
              dueTo: '2025-10-09T00:00:00.000Z',
            }),
          /SEARCH compliance_tallies USING PRIMARY KEY \(view_id=\? AND day>\? AND day<\?\)/,
        ],
        [
          () => store.complianceCounts({ formId: 'f', groupBy: 'zone', dueFrom: 'a', dueTo: 'b' }),
          /deadlines_(form \(form_id=\? AND |due \()state=\? AND due_at>\? AND due_at<\?\)[\s\S]*SEARCH r USING INDEX sqlite_autoindex_records_1 \(id=\?\)/,
        ],
        [
          () => store.historyAggregate({ formId: 'f', createdFrom: 'a', createdTo: 'b', excludeId: 'x', where: [], aggregate: 'count' }),
          /records_form_created \(form_id=\? AND created_at>\? AND created_at<\?\)/,
        ],
      ];
      for (const [run, index] of cases) {
        spy.mockClear();
        await run();
        const statements = spy.mock.calls.map((call) => call[0]).filter((sql) => /^\s*SELECT/.test(sql));
        expect(statements.length, String(run)).toBeGreaterThan(0);
        const plans = statements.map((sql) => planOf(db, sql).join('\n'));
        // The page or aggregate itself uses the index; no statement reads the whole records, deadlines or fines table.
        expect(plans.join('\n'), String(run)).toMatch(index);
        // (The whole ledger's total sums every fine_tallies row: one per month, form, person and scope, never per fine.)
        for (const plan of plans)
          expect(plan, String(run)).not.toMatch(/SCAN (records|deadlines|fines|d|r|compliance_tallies|record_tallies)(\n|$)/);
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite query plans of a search', () => {
  it('when a search word is rare, then its matches are looked up; when over a thousand records hold it, then the records are walked newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-plans-'));
    const store = new SqliteStore(dir);
    try {
      for (let i = 0; i < 1_200; i++) {
        const at = new Date(Date.UTC(2025, 9, 1) + i * 60_000).toISOString();
        await store.writeRecord(
          sampleWrite(
            sampleRecord(`r${i}`, { createdAt: at, updatedAt: at, data: { customer: { name: i % 100 === 0 ? '吴女士' : '周先生' } } }),
          ),
        );
      }
      const db = store.database.db;
      const spy = vi.spyOn(db, 'prepare');
      const pagePlan = async (search: string) => {
        spy.mockClear();
        const page = await store.pageRecords({ search, limit: 50 });
        const sql = spy.mock.calls.map((call) => call[0]).find((s) => s.includes('ORDER BY created_at DESC'));
        return { page, plan: sql ? planOf(db, sql).join('\n') : 'the page statement was prepared before' };
      };
      const rare = await pagePlan('吴');
      expect(rare.page.total).toBe(12);
      expect(rare.plan).toMatch(/SEARCH records USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      const common = await pagePlan('周');
      expect(common.page).toMatchObject({ total: 1_188, more: true });
      expect(common.page.items[0]!.id).toBe('r1199');
      expect(common.plan).toMatch(/SCAN records USING INDEX records_created/);
      expect(common.plan).not.toMatch(/TEMP B-TREE/);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite query plans of the approval escalation and inboxes', () => {
  it('when the tick reads and marks approvals and the inboxes page them, then each statement searches an index (never the table)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-plans-'));
    const store = new SqliteStore(dir);
    try {
      const db = store.database.db;
      const spy = vi.spyOn(db, 'prepare');
      const cases: [() => Promise<unknown>, RegExp][] = [
        [
          () =>
            store.approvals.pendingUnescalated({
              createdUpTo: 'x',
              limit: 500,
              after: ['a', 'b'],
              unheld: { everywhere: ['gm'], inStores: [{ approver: 'deputy', stores: ['s1'] }] },
            }),
          /approvals_escalation \(state=\? AND escalated_at=\? AND \(created_at,id\)>\(\?,\?\) AND created_at<\?\)/,
        ],
        [
          () => store.approvals.pendingUnescalated({ createdAfter: 'x', limit: 500 }),
          /approvals_escalation \(state=\? AND escalated_at=\? AND created_at>\?/,
        ],
        [() => store.approvals.markEscalated(['a1'], 'x', 'generalManager'), /USING INDEX sqlite_autoindex_approvals_1 \(id=\?\)/],
        [
          () => store.deadlines.openDeadlinesOnCalendar('c', 2, 200, ['r', 'k']),
          /deadlines_open_calendar \(state=\? AND <expr>=\? AND \(record_id,key\)>\(\?,\?\)\)/,
        ],
        [
          () => store.deadlines.pageOpenDeadlinesOnCalendar('c', 200, ['r', 'k']),
          /deadlines_open_calendar \(state=\? AND <expr>=\? AND \(record_id,key\)>\(\?,\?\)\)/,
        ],
        [
          () => store.approvals.pageApprovals({ state: 'pending', visibleTo: { username: 'u', stores: ['s1', 's2'] }, limit: 50 }),
          /SEARCH approvals USING INDEX approvals_(state_created|store) \(state=\?\)[\s\S]*LIST SUBQUERY[\s\S]*records_creator \(created_by=\?\)[\s\S]*records_assignee \(assignee=\?\)/,
        ],
        [
          () => store.approvals.pageApprovals({ state: 'pending', approvers: ['generalManager'], alsoEscalated: true, limit: 50 }),
          /approvals_approver \(approver=\?\)[\s\S]*approvals_escalation \(state=\? AND escalated_at>\?\)/,
        ],
      ];
      for (const [run, index] of cases) {
        spy.mockClear();
        await run();
        const statements = spy.mock.calls.map((call) => call[0]).filter((sql) => /approvals|deadlines/.test(sql));
        expect(statements.length, String(run)).toBeGreaterThan(0);
        const plans = statements.map((sql) => planOf(db, sql).join('\n'));
        expect(plans.join('\n'), String(run)).toMatch(index);
        // Nothing walks a whole table, and no record is looked up per approval (the scope's records are a list made once).
        for (const plan of plans) expect(plan, String(run)).not.toMatch(/SCAN (approvals|records|deadlines)(\n|$)|CORRELATED/);
        // A keyset page starts its index range at the cursor: never an OR of ranges re-read and sorted per page.
        for (const plan of plans) expect(plan, String(run)).not.toMatch(/MULTI-INDEX OR|TEMP B-TREE/);
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite query plans of the audit log', () => {
  it("when a record's history or the whole log is paged, then the page and its total walk an index in id order (no sort, no table scan)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-plans-'));
    const store = new SqliteStore(dir);
    try {
      const db = store.database.db;
      const spy = vi.spyOn(db, 'prepare');
      const cases: [() => Promise<unknown>, RegExp][] = [
        [
          () => store.pageAudit({ entity: 'record', entityId: 'r1', limit: 200, after: [10] }),
          /audit_entity \(entity=\? AND entity_id=\? AND rowid<\?\)/,
        ],
        // A record's history: its own entries and its approvals', one range of one index.
        [() => store.pageAudit({ recordId: 'r1', limit: 200, after: [10] }), /audit_record \(record_id=\? AND rowid<\?\)/],
        // Without its fines' entries (for those the fines ledger is not for): the same range, those rows skipped.
        [
          () => store.pageAudit({ recordId: 'r1', exceptEntities: ['fine'], limit: 200, after: [10] }),
          /audit_record \(record_id=\? AND rowid<\?\)/,
        ],
        [() => store.pageAudit({ limit: 200, after: [10] }), /SEARCH audit USING INTEGER PRIMARY KEY \(rowid<\?\)/],
      ];
      for (const [run, index] of cases) {
        spy.mockClear();
        await run();
        const statements = spy.mock.calls.map((call) => call[0]).filter((sql) => /audit/.test(sql));
        expect(statements.length, String(run)).toBeGreaterThan(0);
        const plans = statements.map((sql) => planOf(db, sql).join('\n'));
        expect(plans.join('\n'), String(run)).toMatch(index);
        for (const plan of plans) expect(plan, String(run)).not.toMatch(/TEMP B-TREE|SCAN audit(\n|$)/);
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
