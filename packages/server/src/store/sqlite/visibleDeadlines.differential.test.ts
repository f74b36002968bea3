import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRecord, sampleWrite } from '../../testing/storeContract.js';
import type { DeadlineRow } from '../types.js';
import type { Visibility } from '../paging.js';
import { SqliteStore } from './SqliteStore.js';

// A page of deadlines the caller may see is walked with `visibleRecord` (per row, in due order) and
// counted with `visibleRecordIds` (the visible records' deadlines). The two must pick the same rows:
// generated records of stores, creators and assignees, each with deadlines in every state, against a
// plain filter in JavaScript (the oracle), and the count against the rows the pages give.

const STORES = ['s1', 's2', 's3'];
const PEOPLE = ['ann', 'bo', 'cai'];

interface Made {
  id: string;
  store: string | null;
  createdBy: string;
  assignee: string | null;
  states: DeadlineRow['state'][];
}

const made = fc.array(
  fc.record({
    store: fc.constantFrom<string | null>(...STORES, null),
    createdBy: fc.constantFrom(...PEOPLE),
    assignee: fc.constantFrom<string | null>(...PEOPLE, null),
    states: fc.array(fc.constantFrom<DeadlineRow['state']>('open', 'met', 'breached'), { maxLength: 3 }),
  }),
  { minLength: 40, maxLength: 40 },
);
const visibility = fc.record({
  username: fc.constantFrom(...PEOPLE, 'dan'),
  stores: fc.subarray(STORES),
});

let dir: string;
let store: SqliteStore;
let records: Made[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aftersales-visible-'));
  store = new SqliteStore(dir);
  records = fc.sample(made, { numRuns: 1, seed: 20261207 })[0]!.map((r, i) => ({ ...r, id: `r${String(i).padStart(3, '0')}` }));
  for (const r of records) {
    const record = sampleRecord(r.id, { store: r.store, createdBy: r.createdBy, assignee: r.assignee });
    const deadlines: DeadlineRow[] = r.states.map((state, k) => ({
      recordId: r.id,
      formId: 'f',
      key: `d${k}`,
      dueAt: `2025-10-${String(10 + k).padStart(2, '0')}T02:00:00.000Z`,
      state,
      remindAt: null,
      reminded: false,
      deadline: { key: `d${k}` } as unknown as DeadlineRow['deadline'],
    }));
    await store.writeRecord({ ...sampleWrite(record), deadlines });
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sees = (v: Visibility, r: Made) =>
  r.createdBy === v.username || r.assignee === v.username || (r.store !== null && v.stores.includes(r.store));

describe('deadlines a caller may see', () => {
  it('when a page is counted by the visible records and walked row by row, then both give the rows the oracle picks', async () => {
    await fc.assert(
      fc.asyncProperty(
        visibility,
        fc.constantFrom<DeadlineRow['state'] | undefined>('open', 'met', 'breached', undefined),
        async (v, state) => {
          const expected = records.flatMap((r) => (sees(v, r) ? r.states.filter((s) => !state || s === state) : [])).length;
          const seen: DeadlineRow[] = [];
          let after: [string | null, string, string] | undefined;
          let total = -1;
          for (;;) {
            const page = await store.pageDeadlines({ visibleTo: v, limit: 7, ...(state ? { state } : {}), ...(after ? { after } : {}) });
            total = page.total;
            seen.push(...page.items);
            const last = page.items.at(-1);
            if (!page.more || !last) break;
            after = [last.dueAt, last.recordId, last.key];
          }
          expect(total).toBe(expected);
          expect(seen).toHaveLength(expected);
          expect(
            seen.every((d) =>
              sees(
                v,
                records.find((r) => r.id === d.recordId)!,
              ),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
