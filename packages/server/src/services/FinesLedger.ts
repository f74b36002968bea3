import { formatLocalDateTime } from '@aftersales/engine';
import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';
import type { FineEntry } from '../store/types.js';

export type Locale = 'zh-CN' | 'en';

/** One line of the ledger's summary: a person (or, when the rule named none, the role) in a month. */
export interface LedgerLine {
  person: string;
  payerRole: string;
  month: string;
  count: number;
  total: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** The month a fine belongs to, in China time (the stores' time zone). */
export function monthOf(postedAt: string): string {
  const shifted = new Date(Date.parse(postedAt) + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 7);
}

/** Totals per person and month, largest month first, then by person. */
export function ledgerSummary(fines: FineEntry[]): { lines: LedgerLine[]; total: number } {
  const lines = new Map<string, LedgerLine>();
  for (const fine of fines) {
    const person = fine.person ?? '';
    const month = monthOf(fine.postedAt);
    const key = `${month}\u0000${person}\u0000${fine.payerRole}`;
    const line = lines.get(key) ?? { person, payerRole: fine.payerRole, month, count: 0, total: 0 };
    // A reversal nets the amount but is not a fine of its own.
    if (fine.origin !== 'reversal') line.count += 1;
    line.total = cents(line.total + fine.amount);
    lines.set(key, line);
  }
  const sorted = [...lines.values()].sort(
    (a, b) => b.month.localeCompare(a.month) || a.person.localeCompare(b.person) || a.payerRole.localeCompare(b.payerRole),
  );
  return { lines: sorted, total: cents(fines.reduce((sum, f) => sum + f.amount, 0)) };
}

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['日期', '月份', '责任人', '角色', '金额（元）', '原因', '来源', '表单', '记录', '更正说明'],
  en: ['Date', 'Month', 'Person', 'Role', 'Amount (CNY)', 'Reason', 'Origin', 'Form', 'Record', 'Correction note'],
};
const ORIGIN: Record<Locale, Record<FineEntry['origin'], string>> = {
  'zh-CN': { rule: '规则', breach: '超时', reversal: '冲销', correction: '更正' },
  en: { rule: 'Rule', breach: 'Deadline breached', reversal: 'Reversal', correction: 'Correction' },
};

/** Who reversed or corrected a fine and why, in the export's language ('' for a fine as posted). */
function correctionNote(f: FineEntry, locale: Locale): string {
  if (!f.corrects) return '';
  return locale === 'zh-CN' ? `${f.correctedBy ?? ''}：${f.note ?? ''}` : `${f.correctedBy ?? ''}: ${f.note ?? ''}`;
}

/** How an export names forms and records to people (their titles, never ids) and its time zone. */
export interface LedgerNames {
  form: (formId: string) => string | undefined;
  record: (recordId: string) => string | undefined;
  timeZone: string;
}

function rows(fines: FineEntry[], locale: Locale, roleLabel: (role: string) => string, names?: LedgerNames): (string | number)[][] {
  return fines.map((f) => [
    f.postedAt,
    monthOf(f.postedAt),
    f.person ?? '',
    roleLabel(f.payerRole),
    f.amount,
    f.reason[locale],
    ORIGIN[locale][f.origin],
    names?.form(f.formId) ?? f.formId,
    names?.record(f.recordId) ?? '',
    correctionNote(f, locale),
  ]);
}

/**
 * Text a spreadsheet could run as a formula gets a leading apostrophe (OWASP CSV injection): a
 * ledger export must never execute what someone typed into a record. That is a cell starting with
 * =, +, -, @ (or their full-width forms, which Chinese input methods type), a tab, CR or LF (a
 * line break followed by `=` starts a formula in Excel and LibreOffice), or spaces before one of them.
 */
const FORMULA_START = /^(?:[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]|[\s\u00A0\u3000]+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV for Excel and WPS: UTF-8 with BOM, CRLF, quoted where needed, formulas neutralized, a total line. */
export function ledgerCsv(fines: FineEntry[], locale: Locale, roleLabel: (role: string) => string, names?: LedgerNames): string {
  // The date as people read it in the stores' zone ("2025-10-13 15:00"), never ISO.
  const body = rows(fines, locale, roleLabel, names).map(([postedAt, ...rest]) =>
    [formatLocalDateTime(postedAt as string, locale, names?.timeZone ?? 'Asia/Shanghai'), ...rest].map((cell) =>
      typeof cell === 'string' ? neutralizeFormula(cell) : cell,
    ),
  );
  const total = ['', '', '', locale === 'zh-CN' ? '合计' : 'Total', cents(fines.reduce((s, f) => s + f.amount, 0)), '', '', '', '', ''];
  return '\uFEFF' + stringify([HEADERS[locale], ...body, total], { record_delimiter: 'windows' });
}

/** An .xlsx workbook: the fines with typed cells (dates, numbers), then the per-person monthly totals. */
export async function ledgerXlsx(
  fines: FineEntry[],
  locale: Locale,
  roleLabel: (role: string) => string,
  names?: LedgerNames,
): Promise<Buffer> {
  const header = (value: string) => ({ value, fontWeight: 'bold' as const });
  const finesSheet = [
    HEADERS[locale].map(header),
    ...rows(fines, locale, roleLabel, names).map(([postedAt, ...rest]) => [
      { value: new Date(postedAt as string), type: Date, format: 'yyyy-mm-dd hh:mm' },
      ...rest.map((cell) => (typeof cell === 'number' ? { value: cell, type: Number, format: '0.00' } : { value: cell, type: String })),
    ]),
  ];
  const summary = ledgerSummary(fines);
  const summaryHeaders =
    locale === 'zh-CN' ? ['月份', '责任人', '角色', '笔数', '合计（元）'] : ['Month', 'Person', 'Role', 'Fines', 'Total (CNY)'];
  const summarySheet = [
    summaryHeaders.map(header),
    ...summary.lines.map((l) => [
      { value: l.month, type: String },
      { value: l.person, type: String },
      { value: roleLabel(l.payerRole), type: String },
      { value: l.count, type: Number },
      { value: l.total, type: Number, format: '0.00' },
    ]),
  ];
  const [finesName, summaryName] = locale === 'zh-CN' ? ['罚款明细', '按人按月'] : ['Fines', 'Per person and month'];
  // String cells stay text in Excel (never formulas), so nothing typed into a record runs here.
  return await writeExcelFile([
    {
      data: finesSheet,
      sheet: finesName,
      stickyRowsCount: 1,
      columns: [{ width: 18 }, { width: 9 }, { width: 12 }, { width: 16 }, { width: 12 }, { width: 40 }],
    },
    {
      data: summarySheet,
      sheet: summaryName,
      stickyRowsCount: 1,
      columns: [{ width: 9 }, { width: 14 }, { width: 16 }, { width: 8 }, { width: 12 }],
    },
  ]).toBuffer();
}
