import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleRecord, sampleWrite } from '../../testing/storeContract.js';
import { SqliteStore } from './SqliteStore.js';

// Two server instances on one SQLite file (two connections) number records of one form and store at once.

describe('numbering on one SQLite file shared by two stores', () => {
  it('when two stores write numbered records concurrently, then every number is given once, without gaps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-numbering-'));
    const a = new SqliteStore(dir);
    const b = new SqliteStore(dir);
    try {
      const numbering = {
        field: 'ticketNo',
        key: 'after-sales-record|jiefang|SH-20251009-',
        prefix: 'SH-20251009-',
        suffix: '',
        digits: 3,
      };
      const write = (store: SqliteStore, i: number) =>
        store.writeRecord({ ...sampleWrite(sampleRecord(`r${String(i).padStart(3, '0')}`, { data: {} })), numbering });
      // Each instance writes one record per transaction, the two alternating, while the other's transactions run.
      const instance = async (store: SqliteStore, first: number) => {
        for (let i = first; i < 120; i += 2) await write(store, i);
      };
      await Promise.all([instance(a, 0), instance(b, 1)]);
      const numbers = (await a.listRecords({ limit: 500, offset: 0 })).items.map((r) => r.data.ticketNo as string).sort();
      expect(numbers).toHaveLength(120);
      expect(new Set(numbers).size).toBe(120);
      expect(numbers[0]).toBe('SH-20251009-001');
      expect(numbers.at(-1)).toBe('SH-20251009-120');
      // Each store saw its own writes' numbers: the other instance's records are on the same counter.
      const fromB = (await b.listRecords({ limit: 500, offset: 0 })).items.map((r) => r.data.ticketNo);
      expect(fromB.sort()).toEqual(numbers);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
