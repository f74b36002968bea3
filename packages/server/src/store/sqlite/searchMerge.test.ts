import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../services/clock/Scheduler.js';
import { sampleRecord, sampleWrite } from '../../testing/storeContract.js';
import { SqliteStore } from './SqliteStore.js';

describe('SQLite search index merged by the clock', () => {
  it('when records are written one by one, then the writes leave the merging to the clock tick, and search finds them before and after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftersales-search-merge-'));
    const store = new SqliteStore(dir);
    try {
      const db = store.database.db;
      for (const table of ['records_search', 'records_words'])
        expect(db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get(), table).toBe(0);
      // Each write commits on its own: a segment per write and index, left unmerged (the crisis merge still caps a level at 16).
      for (let i = 0; i < 40; i++) {
        const at = new Date(Date.UTC(2025, 9, 1) + i * 60_000).toISOString();
        await store.writeRecord(
          sampleWrite(
            sampleRecord(`r${i}`, { createdAt: at, updatedAt: at, data: { customer: { name: `周先生${i}` }, ticketNo: `SH-${i}` } }),
          ),
        );
      }
      const found = async (search: string) => (await store.pageRecords({ search, limit: 100 })).items.length;
      expect([await found('周'), await found('周先生'), await found('SH-7')]).toEqual([40, 40, 1]);
      const segments = () => db.prepare('SELECT COUNT(*) FROM records_search_idx WHERE segid > 0 GROUP BY segid').all().length;
      const before = segments();
      expect(before).toBeGreaterThan(4);

      await new Scheduler(store, () => new Date('2025-10-02T00:00:00Z')).tick();
      expect(segments()).toBeLessThan(before);
      // The tick merged all it could: nothing is left for the next one.
      expect(await store.tidySearch(100)).toBe(false);
      expect([await found('周'), await found('周先生'), await found('SH-7')]).toEqual([40, 40, 1]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
