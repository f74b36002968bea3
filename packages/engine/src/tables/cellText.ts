import type { Locale, LocalizedText } from '../i18n/LocalizedText.js';
import type { FactDescriptor } from '../rules/factCatalog.js';
import type { CellScalar, TableCell } from './TableCell.js';

const ANY = ['', '-', '—', '*', '任意', 'any'];
const YES = ['是', 'yes', 'true', 'y', '√', '✓'];
const NO = ['否', 'no', 'false', 'n', '×'];
const NUMBER = '[-+]?\\d+(?:\\.\\d+)?';
const RANGE = new RegExp(`^([\\[(])\\s*(${NUMBER})\\s*(?:\\.\\.|~|～|,|，)\\s*(${NUMBER})\\s*([\\])])$`);

/** Both languages' words of a label (none when there is no label). */
export const labelsOf = (label: LocalizedText | undefined): string[] => (label ? [label['zh-CN'], label.en] : []);

type Field = Pick<FactDescriptor, 'type' | 'enum' | 'enumTitles'> | undefined;

/** A cell's value in words: an option's label, 是/否, a number. */
export function formatValue(value: CellScalar, field: Field, locale: Locale): string {
  if (typeof value === 'boolean') return value ? (locale === 'zh-CN' ? '是' : 'yes') : locale === 'zh-CN' ? '否' : 'no';
  const title = field?.enumTitles?.[String(value)];
  return title ? title[locale] || title['zh-CN'] || String(value) : String(value);
}

/** A cell as a person types it: `任意`, `次要责任`, `≠ 是`, `a、b`, `> 5`, `[10..20)`. */
export function formatCell(cell: TableCell, field: Field, locale: Locale): string {
  const v = (x: CellScalar) => formatValue(x, field, locale);
  const sep = locale === 'zh-CN' ? '、' : ', ';
  switch (cell.op) {
    case 'any':
      return locale === 'zh-CN' ? '任意' : 'any';
    case 'eq':
      return v(cell.value);
    case 'ne':
      return `≠ ${v(cell.value)}`;
    case 'in':
      return cell.values.map(v).join(sep);
    case 'notIn':
      return `≠ ${cell.values.map(v).join(sep)}`;
    case 'gt':
      return `> ${cell.value}`;
    case 'gte':
      return `≥ ${cell.value}`;
    case 'lt':
      return `< ${cell.value}`;
    case 'lte':
      return `≤ ${cell.value}`;
    case 'range':
      return `${cell.minInclusive ? '[' : '('}${cell.min}..${cell.max}${cell.maxInclusive ? ']' : ')'}`;
  }
}

const err = (zh: string, en: string): { error: LocalizedText } => ({ error: { 'zh-CN': zh, en } });

/** Reads one value of a cell for a field: an option by its label (either language) or code, 是/否, a number. */
export function parseValue(raw: string, field: Field): { value: CellScalar } | { error: LocalizedText } {
  const text = raw.trim();
  if (text === '') return err('缺少取值', 'A value is missing');
  if (field?.type === 'boolean') {
    if (YES.includes(text.toLowerCase())) return { value: true };
    if (NO.includes(text.toLowerCase())) return { value: false };
    return err(`“${text}”不是 是/否`, `'${text}' is not yes/no`);
  }
  if (field?.enum) {
    const lower = text.toLowerCase();
    const match = field.enum.find(
      (option) =>
        String(option).toLowerCase() === lower ||
        labelsOf(field.enumTitles?.[String(option)]).some((label) => label.toLowerCase() === lower),
    );
    if (match === undefined) {
      const options = field.enum.map((o) => field.enumTitles?.[String(o)]?.['zh-CN'] ?? String(o)).join('、');
      const optionsEn = field.enum.map((o) => field.enumTitles?.[String(o)]?.en ?? String(o)).join(', ');
      return err(`“${text}”不是可选项（${options}）`, `'${text}' is not one of the options (${optionsEn})`);
    }
    return { value: match as CellScalar };
  }
  if (field?.type === 'number' || field?.type === 'integer') {
    if (!new RegExp(`^${NUMBER}$`).test(text)) return err(`“${text}”不是数字`, `'${text}' is not a number`);
    const n = Number(text);
    if (field.type === 'integer' && !Number.isInteger(n)) return err(`“${text}”不是整数`, `'${text}' is not a whole number`);
    return { value: n };
  }
  return { value: text };
}

const number = (raw: string): number | undefined => (new RegExp(`^${NUMBER}$`).test(raw.trim()) ? Number(raw.trim()) : undefined);

/** Reads a cell as typed; says what is wrong in both languages otherwise. */
export function parseCell(raw: string, field: Field): { cell: TableCell } | { error: LocalizedText } {
  const text = raw.trim();
  if (ANY.includes(text.toLowerCase())) return { cell: { op: 'any' } };
  const range = RANGE.exec(text);
  if (range) {
    const min = Number(range[2]);
    const max = Number(range[3]);
    if (min > max) return err(`区间 ${text} 的下限大于上限`, `The range ${text} has its lower end above its upper end`);
    return { cell: { op: 'range', min, max, minInclusive: range[1] === '[', maxInclusive: range[4] === ']' } };
  }
  const comparison = /^(>=|≥|<=|≤|>|<)\s*(.*)$/.exec(text);
  if (comparison) {
    const n = number(comparison[2]!);
    if (n === undefined) return err(`“${comparison[2]}”不是数字`, `'${comparison[2]}' is not a number`);
    const op = ({ '>=': 'gte', '≥': 'gte', '<=': 'lte', '≤': 'lte', '>': 'gt', '<': 'lt' } as const)[comparison[1] as '>'];
    return { cell: { op, value: n } };
  }
  const negated = /^(≠|!=|<>|不等于|not\s)\s*(.*)$/i.exec(text);
  const body = negated ? negated[2]! : text.replace(/^=\s*/, '');
  // An option whose label holds a comma is one value, not a list.
  const whole = parseValue(body, field);
  if (!('error' in whole) && field?.enum) return { cell: { op: negated ? 'ne' : 'eq', value: whole.value } };
  const parts = body.split(/[、,，;；]/).map((p) => p.trim());
  const values: CellScalar[] = [];
  for (const part of parts) {
    const parsed = parseValue(part, field);
    if ('error' in parsed) return parsed;
    values.push(parsed.value);
  }
  if (values.length === 1) return { cell: { op: negated ? 'ne' : 'eq', value: values[0]! } };
  return { cell: { op: negated ? 'notIn' : 'in', values } };
}
