import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { actorText } from '@aftersales/contract';
import type { FinesRepository } from '../store/ports/FinesRepository.js';
import type { FineFilter } from '../store/paging.js';
import type { FineEntry } from '../store/types.js';
import { csvBody, csvHeader, csvTotal, ledgerHeaders, ledgerRows, type LedgerLine, type LedgerNames, type Locale } from './FinesLedger.js';

/** Fines read per page of an export: the most it holds in memory at once. */
export const EXPORT_PAGE = 500;

/**
 * The fines of a filter page by page, newest first, each page read after the one before was written
 * (keyset on posted time and id: the same walk as the ledger screen's pages), so an export of a
 * million fines holds one page at a time.
 */
export async function* fineLedgerPages(
  fines: Pick<FinesRepository, 'pageFines'>,
  filter: FineFilter,
  pageSize: number = EXPORT_PAGE,
): AsyncGenerator<FineEntry[]> {
  let after: [string, string] | undefined;
  for (;;) {
    const page = await fines.pageFines({ ...filter, limit: pageSize, ...(after ? { after } : {}) });
    if (page.items.length > 0) yield page.items;
    const last = page.items.at(-1);
    if (!page.more || !last) return;
    after = [last.postedAt, last.id];
  }
}

/** What an export needs besides the fines: the language, and how people, roles, forms and records are named. */
export interface LedgerExport {
  locale: Locale;
  roleLabel: (role: string) => string;
  /** The name people read for a fine's person (the ledger keys them by user name). */
  personName: (person: string) => string;
  /** Titles of the forms and records of one page of fines (looked up page by page). */
  namesFor: (fines: readonly FineEntry[]) => Promise<LedgerNames>;
}

/** Thrown when the reader went away in the middle of an export: nothing more is read. */
export class ExportAborted extends Error {}

/** Waits until `out` takes more (or throws when it was closed meanwhile). */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new ExportAborted('the export was closed');
  if (!out.writableNeedDrain) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new ExportAborted('the export was closed');
}

/** The fines with their person, and whoever corrected them, as people read them. */
const named = (fines: readonly FineEntry[], { personName, locale }: LedgerExport) =>
  fines.map((f) => ({
    ...f,
    person: f.person ? personName(f.person) : null,
    ...(f.correctedBy ? { correctedBy: actorText(f.correctedBy, personName)[locale] } : {}),
  }));

const cents = (n: number) => Math.round(n * 100) / 100;

/** The ledger as CSV (see ledgerCsv), written to `out` page by page with the writer's backpressure. */
export async function writeLedgerCsv(out: Writable, pages: AsyncIterable<FineEntry[]>, options: LedgerExport): Promise<void> {
  const { locale, roleLabel } = options;
  let total = 0;
  out.write(csvHeader(locale));
  for await (const page of pages) {
    await drained(out);
    out.write(csvBody(named(page, options), locale, roleLabel, await options.namesFor(page)));
    total = cents(page.reduce((sum, f) => sum + f.amount, total));
  }
  await drained(out);
  out.end(csvTotal(total, locale));
  if (!out.writableFinished) await Promise.race([once(out, 'finish'), once(out, 'close')]);
}

/**
 * The ledger as an .xlsx workbook written as it is read (ExcelJS's streaming writer): the fines
 * with typed cells (dates, numbers), then `summary`, the per-person monthly totals the database
 * computed. String cells stay text in Excel (never formulas), so nothing typed into a record runs.
 */
export async function writeLedgerXlsx(
  out: Writable,
  pages: AsyncIterable<FineEntry[]>,
  summary: readonly LedgerLine[],
  options: LedgerExport,
): Promise<void> {
  const { locale, roleLabel } = options;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const [finesName, summaryName] = locale === 'zh-CN' ? ['罚款明细', '按人按月'] : ['Fines', 'Per person and month'];
  const sheet = (name: string, widths: number[], header: string[]) => {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = widths.map((width) => ({ width }));
    const row = worksheet.addRow(header);
    row.font = { bold: true };
    row.commit();
    return worksheet;
  };
  const fines = sheet(finesName, [18, 9, 12, 16, 12, 40, 12, 20, 30, 30], ledgerHeaders(locale));
  for await (const page of pages) {
    await drained(out);
    for (const [postedAt, ...rest] of ledgerRows(named(page, options), locale, roleLabel, await options.namesFor(page))) {
      const row = fines.addRow([new Date(postedAt as string), ...rest]);
      row.getCell(1).numFmt = 'yyyy-mm-dd hh:mm';
      row.getCell(5).numFmt = '0.00';
      row.commit();
    }
  }
  fines.commit();
  const totals = sheet(
    summaryName,
    [9, 14, 16, 8, 12],
    locale === 'zh-CN' ? ['月份', '责任人', '角色', '笔数', '合计（元）'] : ['Month', 'Person', 'Role', 'Fines', 'Total (CNY)'],
  );
  for (const line of summary) {
    const row = totals.addRow([line.month, line.person, roleLabel(line.payerRole), line.count, line.total]);
    row.getCell(5).numFmt = '0.00';
    row.commit();
  }
  totals.commit();
  await workbook.commit();
}
