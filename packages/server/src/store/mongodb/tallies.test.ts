import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueOf } from '../sqlite/queries/tallies.js';
import type { DeadlineRow, StoredRecord } from '../types.js';
import { Deltas, fineContribution, recordContribution, valueText, type DashboardView } from './tallies.js';

// The MongoDB store keeps its tallies in code: the values it groups by must be the ones SQLite's
// triggers group by, and a record's contribution must cancel out exactly when it is taken back.

describe('MongoDB dashboard tallies', () => {
  // Numbers as forms hold them (amounts, ratings): SQLite reads a double of 17 significant digits back one digit short.
  it('when any JSON value sits at a field path, then the text it is grouped by is the one SQLite groups by', () => {
    const db = new Database(':memory:');
    const sql = db.prepare(`SELECT ${valueOf('?', '?')} AS v`);
    const scalar = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.integer(),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
    );
    fc.assert(
      fc.property(
        fc.oneof(scalar, fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), scalar, { maxKeys: 2 })),
        fc.boolean(),
        (value, nested) => {
          const data = nested ? { a: { b: value } } : { b: value };
          const path = nested ? 'a.b' : 'b';
          const expected = String((sql.get(JSON.stringify(data), `$.${path}`, JSON.stringify(data), `$.${path}`) as { v: unknown }).v);
          expect(valueText(data, path)).toBe(expected);
        },
      ),
    );
    expect(valueText({ a: 1 }, 'missing.b')).toBe('');
    db.close();
  });

  it('when a record with decided deadlines is counted and taken back, then every tally returns to nothing', () => {
    const views: DashboardView[] = [
      { id: 1, kind: 'compliance', formId: '', field: 'zone', by: '' },
      { id: 2, kind: 'counts', formId: 'f', field: 'zone', by: 'kind' },
      { id: 3, kind: 'counts', formId: 'other', field: 'zone', by: '' },
    ];
    const record = {
      id: 'r1',
      formId: 'f',
      data: { zone: 'urban', kind: true },
      store: 's1',
      createdBy: 'clerk',
      assignee: null,
      createdAt: '2026-03-01T17:00:00.000Z',
    } as unknown as StoredRecord;
    const deadline = (key: string, state: DeadlineRow['state'], dueAt: string | null) =>
      ({ recordId: 'r1', key, state, dueAt }) as DeadlineRow;
    const deadlines = [
      deadline('a', 'met', '2026-03-02T01:00:00.000Z'),
      deadline('b', 'breached', '2026-03-02T20:00:00.000Z'),
      deadline('c', 'open', '2026-03-03T00:00:00.000Z'),
      deadline('d', 'met', null),
    ];
    const into = { compliance: new Deltas(), counts: new Deltas() };
    recordContribution(views, record, deadlines, 1, into);
    expect(into.counts.operations()).toEqual([
      {
        updateOne: {
          filter: { viewId: 2, day: '2026-03-02', value: 'urban', split: 'true', store: 's1', createdBy: 'clerk', assignee: '' },
          update: { $inc: { n: 1 } },
          upsert: true,
        },
      },
    ]);
    expect(
      into.compliance.operations().map((o) => (o as unknown as { updateOne: { filter: { day: string; state: string } } }).updateOne.filter),
    ).toMatchObject([
      { viewId: 1, day: '2026-03-02', state: 'met', grp: 'urban' },
      { viewId: 1, day: '2026-03-03', state: 'breached', grp: 'urban' },
    ]);
    recordContribution(views, record, deadlines, -1, into);
    const fines = new Deltas();
    const fine = {
      recordId: 'r1',
      formId: 'f',
      person: null,
      payerRole: 'technician',
      amount: 0.1 + 0.2,
      origin: 'breach',
      postedAt: '2026-03-31T16:00:00.000Z',
    };
    fineContribution(fine as never, record, 1, fines);
    expect(fines.operations()).toMatchObject([
      { updateOne: { filter: { month: '2026-04', person: '' }, update: { $inc: { rows: 1, n: 1, cents: 30 } } } },
    ]);
    fineContribution(fine as never, record, -1, fines);
    expect([...into.compliance.operations(), ...into.counts.operations(), ...fines.operations()]).toEqual([]);
  });
});
