import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Visibility } from '../../paging.js';
import { SQLITE_MIGRATIONS } from '../migrations/index.js';
import { migrateSqlite } from '../migrations/migrateSqlite.js';
import { complianceCounts, complianceFromRows, recordCounts, recordCountsFromRows } from './dashboard.js';
import { fineTotals, fineTotalsFromRows, pageFines } from './fines.js';
import { viewId } from './tallies.js';

// The dashboards and the month ledger sum tallies kept by triggers; after any sequence of writes to
// records, deadlines and fines (inserts, changes of data, store, assignee, state and due time,
// deletions, fields registered half way), their figures equal the same figures counted over the rows.
// The seed is the suite's (test/setup/fastCheckSeed.ts prints it; FC_SEED replays it).

const FORMS = ['after-sales-record', 'complaint-log'] as const;
const IDS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
const day = (n: number, hour: number) => new Date(Date.UTC(2026, 2, 1 + n, hour - 8, 30)).toISOString(); // China time
const value = fc.constantFrom<unknown>(undefined, null, 'urban', 'suburban', '王师傅', true, false, 3, { a: 1 });
const scopeUser = fc.constantFrom<string | null>(null, 'u1', 'u2');
const store = fc.constantFrom<string | null>(null, 's1', 's2');
const data = fc.record({ zone: value, technician: value, category: value, severity: value, ratings: fc.record({ skill: value }) });
const when = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 23 }));

const op = fc.oneof(
  fc.record({
    kind: fc.constant('record' as const),
    id: fc.constantFrom(...IDS),
    form: fc.constantFrom(...FORMS),
    data,
    store,
    assignee: scopeUser,
    by: fc.constantFrom('u1', 'clerk'),
    at: when,
  }),
  fc.record({ kind: fc.constant('change' as const), id: fc.constantFrom(...IDS), data, store, assignee: scopeUser }),
  fc.record({ kind: fc.constant('drop' as const), id: fc.constantFrom(...IDS) }),
  fc.record({
    kind: fc.constant('deadline' as const),
    id: fc.constantFrom(...IDS, 'gone'),
    key: fc.constantFrom('k0', 'k1', 'k2'),
    state: fc.constantFrom('open', 'met', 'breached'),
    due: fc.option(when),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    id: fc.constantFrom(...IDS),
    key: fc.constantFrom('k0', 'k1'),
    state: fc.constantFrom('open', 'met', 'breached'),
    due: when,
  }),
  fc.record({ kind: fc.constant('rewrite' as const), id: fc.constantFrom(...IDS) }),
  fc.record({
    kind: fc.constant('fine' as const),
    id: fc.constantFrom(...IDS, 'gone'),
    person: scopeUser,
    cents: fc.integer({ min: -5_000, max: 50_000 }),
    origin: fc.constantFrom('breach', 'reversal', 'manual'),
    at: fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 23 })),
  }),
  fc.record({ kind: fc.constant('refine' as const), cents: fc.integer({ min: 0, max: 9_999 }) }),
  fc.record({ kind: fc.constant('unfine' as const) }),
  fc.record({
    kind: fc.constant('register' as const),
    field: fc.constantFrom('category', 'severity', 'ratings.skill', 'zone'),
    form: fc.constantFrom('', ...FORMS),
  }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(db: Database.Database, o: Op, n: number): void {
  switch (o.kind) {
    case 'record':
      db.prepare(
        `INSERT OR IGNORE INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by, created_at, updated_at, rev)
         VALUES (?, ?, 1, '{}', 'received', ?, '{}', ?, ?, ?, ?, ?, 1)`,
      ).run(o.id, o.form, JSON.stringify(o.data), o.store, o.assignee, o.by, day(...o.at), day(...o.at));
      return;
    case 'change':
      db.prepare('UPDATE records SET data = ?, store = ?, assignee = ?, rev = rev + 1 WHERE id = ?').run(
        JSON.stringify(o.data),
        o.store,
        o.assignee,
        o.id,
      );
      return;
    case 'drop':
      db.prepare('DELETE FROM records WHERE id = ?').run(o.id);
      return;
    case 'deadline': {
      const form =
        (db.prepare('SELECT form_id FROM records WHERE id = ?').get(o.id) as { form_id: string } | undefined)?.form_id ?? FORMS[0];
      db.prepare(
        "INSERT OR IGNORE INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, ?, ?, ?, ?, NULL, 0, '{}')",
      ).run(o.id, form, o.key, o.due ? day(...o.due) : null, o.state);
      return;
    }
    case 'move':
      db.prepare('UPDATE deadlines SET state = ?, due_at = ? WHERE record_id = ? AND key = ?').run(o.state, day(...o.due), o.id, o.key);
      return;
    case 'rewrite':
      db.prepare("DELETE FROM deadlines WHERE record_id = ? AND state != 'breached'").run(o.id);
      return;
    case 'fine':
      db.prepare(
        `INSERT INTO fines (id, unique_key, record_id, form_id, payer_role, person, amount, reason, origin, posted_at)
         VALUES (?, ?, ?, ?, 'technician', ?, ?, '{}', ?, ?)`,
      ).run(`f${n}`, `f${n}`, o.id, FORMS[n % 2], o.person, o.cents / 100, o.origin, day(...o.at));
      return;
    case 'refine':
      db.prepare('UPDATE fines SET amount = ? WHERE id = (SELECT id FROM fines ORDER BY rowid LIMIT 1)').run(o.cents / 100);
      return;
    case 'unfine':
      db.prepare('DELETE FROM fines WHERE id = (SELECT id FROM fines ORDER BY rowid DESC LIMIT 1)').run();
      return;
    case 'register':
      if (o.form !== '' || o.field === 'zone')
        viewId(db, o.form === '' ? 'compliance' : 'counts', o.form, o.field, o.field === 'category' ? 'severity' : '');
      return;
  }
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const scopes: (Visibility | undefined)[] = [
  undefined,
  { username: 'u1', stores: [] },
  { username: 'u2', stores: ['s1'] },
  { username: 'x', stores: ['s1', 's2'] },
];

describe('dashboard and ledger tallies', () => {
  it('when records, deadlines and fines are written, changed and deleted in any order, then the dashboards and ledger totals equal the rows counted', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const db = new Database(':memory:');
        try {
          migrateSqlite(db, SQLITE_MIGRATIONS);
          ops.forEach((o, n) => apply(db, o, n));
          for (const visibleTo of scopes) {
            const scope = visibleTo ? { visibleTo } : {};
            for (const groupBy of ['zone', 'technician', 'ratings.skill'])
              for (const formId of [undefined, FORMS[0]]) {
                const filter = {
                  groupBy,
                  dueFrom: day(2, 0).slice(0, 11) + '16:00:00.000Z',
                  dueTo: '2026-03-15T15:59:59.999Z',
                  ...(formId ? { formId } : {}),
                  ...scope,
                };
                expect(sorted(complianceCounts(db, filter))).toEqual(sorted(complianceFromRows(db, filter)));
              }
            for (const [formId, field, by] of [
              [FORMS[1], 'category', 'severity'],
              [FORMS[0], 'zone', undefined],
              [FORMS[0], 'ratings.skill', 'technician'],
            ] as const)
              for (const createdFrom of [undefined, '2026-03-04T16:00:00.000Z']) {
                const filter = { formId, field, ...(by ? { by } : {}), ...(createdFrom ? { createdFrom } : {}), ...scope };
                expect(sorted(recordCounts(db, filter))).toEqual(sorted(recordCountsFromRows(db, filter)));
              }
            for (const filter of [
              {},
              { month: '2026-03' },
              { postedFrom: '2026-03-31T16:00:00.000Z' },
              { person: 'u1', formId: FORMS[1] },
            ]) {
              const scoped = { ...filter, ...scope };
              expect(fineTotals(db, scoped)).toEqual(fineTotalsFromRows(db, scoped));
              const page = pageFines(db, { ...scoped, limit: 1 });
              expect(page).toMatchObject({
                capped: false,
                total: fineTotalsFromRows(db, scoped).lines.length === 0 ? 0 : expect.any(Number),
              });
            }
          }
          const rows = (
            db
              .prepare(
                "SELECT COUNT(*) AS n FROM fines WHERE posted_at >= '2026-02-28T16:00:00.000Z' AND posted_at < '2026-03-31T16:00:00.000Z'",
              )
              .get() as { n: number }
          ).n;
          expect(pageFines(db, { month: '2026-03', limit: 1 }).total).toBe(rows);
        } finally {
          db.close();
        }
      }),
      { numRuns: 120 },
    );
  });

  it('when a database of version 4 with records, deadlines and fines is migrated, then every tally is filled from its rows', () => {
    const db = new Database(':memory:');
    migrateSqlite(
      db,
      SQLITE_MIGRATIONS.filter((m) => m.version <= 4),
    );
    const ops = fc.sample(op, { numRuns: 200, seed: 7 }).filter((o) => o.kind !== 'register');
    ops.forEach((o, n) => apply(db, o, n));
    expect(migrateSqlite(db, SQLITE_MIGRATIONS)).toEqual(expect.arrayContaining([5]));
    const filter = { groupBy: 'zone', dueFrom: '2026-03-01T16:00:00.000Z', dueTo: '2026-03-15T15:59:59.999Z' };
    expect(complianceFromRows(db, filter).length).toBeGreaterThan(0);
    expect(sorted(complianceCounts(db, filter))).toEqual(sorted(complianceFromRows(db, filter)));
    const counts = { formId: FORMS[1], field: 'category', by: 'severity' };
    expect(recordCountsFromRows(db, counts).length).toBeGreaterThan(0);
    expect(sorted(recordCounts(db, counts))).toEqual(sorted(recordCountsFromRows(db, counts)));
    expect(fineTotalsFromRows(db, {}).lines.length).toBeGreaterThan(0);
    expect(fineTotals(db, {})).toEqual(fineTotalsFromRows(db, {}));
    db.close();
  });

  it('when a dashboard asks for a field no view has yet, then the view is registered once and filled from the rows there are', () => {
    const db = new Database(':memory:');
    migrateSqlite(db, SQLITE_MIGRATIONS);
    apply(
      db,
      {
        kind: 'record',
        id: 'r0',
        form: FORMS[0],
        data: { zone: 'urban', technician: 'a', category: 'noise', severity: 'high', ratings: { skill: 5 } },
        store: 's1',
        assignee: null,
        by: 'clerk',
        at: [3, 10],
      },
      0,
    );
    const before = (db.prepare('SELECT COUNT(*) AS n FROM dashboard_views').get() as { n: number }).n;
    expect(recordCounts(db, { formId: FORMS[0], field: 'category', by: 'ratings.skill' })).toEqual([
      { value: 'noise', split: '5', count: 1 },
    ]);
    expect(recordCounts(db, { formId: FORMS[0], field: 'category', by: 'ratings.skill' })).toEqual([
      { value: 'noise', split: '5', count: 1 },
    ]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM dashboard_views').get() as { n: number }).n).toBe(before + 1);
    db.close();
  });
});
