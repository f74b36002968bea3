import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FinesRepository } from '../store/ports/FinesRepository.js';
import type { SqliteFinesRepository } from '../store/sqlite/repositories/FinesRepository.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import type { FineEntry } from '../store/types.js';
import { EXPORT_PAGE, fineLedgerPages, writeLedgerCsv, writeLedgerXlsx, type LedgerExport } from './FinesLedgerExport.js';

const COUNT = 5 * EXPORT_PAGE + 345;
const PAGES = Math.ceil(COUNT / EXPORT_PAGE);
let dir: string;
let store: SqliteStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aftersales-ledger-export-'));
  store = new SqliteStore(dir);
  // Fine i posted i minutes after the first, of i yuan: newest first, the amounts run COUNT down to 1.
  const start = Date.parse('2025-10-01T00:00:00.000Z');
  store.database.transaction(() => {
    for (let i = 1; i <= COUNT; i++) {
      const fine: FineEntry = {
        id: `f${String(i).padStart(6, '0')}`,
        uniqueKey: `r${i}|breach|arrival|0`,
        recordId: `r${i}`,
        formId: 'after-sales-record',
        payerRole: 'technician',
        person: i % 2 === 0 ? 'wang' : 'li',
        amount: i,
        reason: { 'zh-CN': '超时未到场', en: 'Late on site' },
        origin: 'breach',
        postedAt: new Date(start + i * 60_000).toISOString(),
      };
      (store.fines as SqliteFinesRepository).insert(fine);
    }
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store's ledger, counting the pages read and how many rows the reader had taken when each was read. */
function countingLedger(sink: { rows: () => number }) {
  const reads: { limit: number; rowsTaken: number }[] = [];
  const fines: Pick<FinesRepository, 'pageFines'> = {
    pageFines: async (filter) => {
      reads.push({ limit: filter.limit, rowsTaken: sink.rows() });
      return store.pageFines(filter);
    },
  };
  return { reads, pages: fineLedgerPages(fines, {}) };
}

/** A slow reader with a small buffer (it takes a chunk per turn of the event loop), as a download over a network is. */
function slowReader() {
  const chunks: Buffer[] = [];
  let lines = 0;
  const out = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      lines += chunk.toString('utf8').split('\r\n').length - 1;
      setImmediate(done);
    },
  });
  return { out, rows: () => lines, bytes: () => Buffer.concat(chunks) };
}

const options: LedgerExport = {
  locale: 'en',
  roleLabel: (role) => (role === 'technician' ? 'Technician' : role),
  personName: (person) => ({ wang: '王师傅', li: '李建国' })[person] ?? person,
  namesFor: async () => ({ form: () => 'After-sales service record', record: () => undefined, timeZone: 'Asia/Shanghai' }),
};

describe('fines ledger export', () => {
  it('when the ledger is exported as CSV, then every fine is there newest first with the total, read a page at a time as the reader takes them', async () => {
    const reader = slowReader();
    const { reads, pages } = countingLedger(reader);
    await writeLedgerCsv(reader.out, pages, options);
    const lines = reader
      .bytes()
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]!.startsWith('Date,Month,Person,Role,Amount (CNY)')).toBe(true);
    const amounts = lines.slice(1, -1).map((line) => Number(line.split(',')[4]));
    expect(amounts).toEqual(Array.from({ length: COUNT }, (_, i) => COUNT - i));
    expect(lines.at(-1)).toBe(`,,,Total,${(COUNT * (COUNT + 1)) / 2},,,,,`);
    expect([lines[1], lines[2]]).toEqual([expect.stringContaining(',李建国,'), expect.stringContaining(',王师傅,')]);
    // One page of EXPORT_PAGE at a time, each read only after the reader had taken all but the page before it.
    expect(reads.map((r) => r.limit)).toEqual(Array.from({ length: PAGES }, () => EXPORT_PAGE));
    reads.forEach((read, k) => expect(read.rowsTaken).toBeGreaterThanOrEqual(Math.max(0, k - 1) * EXPORT_PAGE));
  });

  it('when fines were corrected by a person or an API key, then the export names who did it in words', async () => {
    const reversal = (id: string, correctedBy: string): FineEntry => ({
      id,
      uniqueKey: `${id}|reversal`,
      recordId: 'r1',
      formId: 'after-sales-record',
      payerRole: 'technician',
      person: 'wang',
      amount: -50,
      reason: { 'zh-CN': '超时未到场', en: 'Late on site' },
      origin: 'reversal',
      postedAt: '2025-10-02T00:00:00.000Z',
      corrects: 'f000001',
      correctedBy,
      note: 'traffic',
    });
    async function* pages() {
      yield [reversal('c1', 'li'), reversal('c2', 'api-key:erp-sync')];
    }
    const reader = slowReader();
    await writeLedgerCsv(reader.out, pages(), options);
    const text = reader.bytes().toString('utf8');
    expect(text).toContain('李建国: traffic');
    expect(text).toContain('API key “erp-sync”: traffic');
    expect(text).not.toContain('api-key:');
  });

  it('when the ledger is exported as Excel, then the workbook has every fine newest first and the totals sheet, read a page at a time', async () => {
    const reader = slowReader();
    const { reads, pages } = countingLedger({ rows: () => 0 });
    const summary = [{ month: '2025-10', person: '王师傅', payerRole: 'technician', count: 1, total: 2 }];
    await writeLedgerXlsx(reader.out, pages, summary, options);
    const [fines, totals] = await readExcelFile(reader.bytes());
    expect(fines!.sheet).toBe('Fines');
    expect(fines!.data).toHaveLength(COUNT + 1);
    expect(fines!.data.slice(1).map((row) => row[4])).toEqual(Array.from({ length: COUNT }, (_, i) => COUNT - i));
    expect(fines!.data[1]![0]).toBeInstanceOf(Date);
    expect(totals!.data).toEqual([
      ['Month', 'Person', 'Role', 'Fines', 'Total (CNY)'],
      ['2025-10', '王师傅', 'Technician', 1, 2],
    ]);
    expect(reads.map((r) => r.limit)).toEqual(Array.from({ length: PAGES }, () => EXPORT_PAGE));
  });

  it('when the reader goes away half way, then no further page is read', async () => {
    const reader = slowReader();
    const { reads, pages } = countingLedger(reader);
    const writing = writeLedgerCsv(reader.out, pages, options);
    await new Promise((resolve) => setImmediate(resolve));
    reader.out.destroy();
    await expect(writing).rejects.toThrow('the export was closed');
    expect(reads.length).toBeLessThan(PAGES);
  });
});
