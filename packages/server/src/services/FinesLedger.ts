import { formatLocalDateTime } from '@aftersales/engine';
import { stringify } from 'csv-stringify/sync';
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

/** The column titles of the ledger's files. */
export function ledgerHeaders(locale: Locale): string[] {
  return HEADERS[locale];
}

/** The cells of the fines' rows: posted time (ISO), month, person, role, amount, reason, origin, form, record, correction note. */
export function ledgerRows(
  fines: readonly FineEntry[],
  locale: Locale,
  roleLabel: (role: string) => string,
  names?: LedgerNames,
): (string | number)[][] {
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
  return csvHeader(locale) + csvBody(fines, locale, roleLabel, names) + csvTotal(cents(fines.reduce((s, f) => s + f.amount, 0)), locale);
}

/** The CSV's first line, after the byte order mark Excel needs to read UTF-8. */
export function csvHeader(locale: Locale): string {
  return '\uFEFF' + stringify([HEADERS[locale]], { record_delimiter: 'windows' });
}

/** CSV lines of some fines (a page of an export). */
export function csvBody(fines: readonly FineEntry[], locale: Locale, roleLabel: (role: string) => string, names?: LedgerNames): string {
  // The date as people read it in the stores' zone ("2025-10-13 15:00"), never ISO.
  const body = ledgerRows(fines, locale, roleLabel, names).map(([postedAt, ...rest]) =>
    [formatLocalDateTime(postedAt as string, locale, names?.timeZone ?? 'Asia/Shanghai'), ...rest].map((cell) =>
      typeof cell === 'string' ? neutralizeFormula(cell) : cell,
    ),
  );
  return body.length === 0 ? '' : stringify(body, { record_delimiter: 'windows' });
}

/** The CSV's last line: the total of every fine above it. */
export function csvTotal(total: number, locale: Locale): string {
  return stringify([['', '', '', locale === 'zh-CN' ? '合计' : 'Total', total, '', '', '', '', '']], { record_delimiter: 'windows' });
}
