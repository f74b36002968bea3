import type { Locale, LocalizedText } from '../i18n/LocalizedText.js';
import type { FactCatalog } from '../rules/factCatalog.js';
import type { DecisionTable, TableRow } from './DecisionTable.js';
import { formatCell, parseCell } from './cellText.js';
import { formatOutput, parseOutput, type RoleLabels } from './outputText.js';
import { inputLabel, outputLabel } from './tableLabels.js';

export interface SheetOptions {
  facts?: FactCatalog;
  roles?: RoleLabels;
  locale: Locale;
}

/** A cell of an imported sheet that could not be read: its row and column (1-based, as the spreadsheet shows them). */
export interface SheetError {
  row: number;
  column: number;
  message: LocalizedText;
}

const TITLE = { 'zh-CN': '规则名称', en: 'Rule' };

/** Column headings: the rule's name, then inputs, then outputs (a text output once per language). */
export function sheetHeader(table: DecisionTable, options: SheetOptions): string[] {
  const { locale, facts } = options;
  return [
    TITLE[locale],
    ...table.inputs.map((input) => inputLabel(input, facts)[locale]),
    ...table.outputs.flatMap((output) => {
      const label = outputLabel(table, output, facts)[locale];
      return output.kind === 'text' ? [`${label}（中文）`, `${label} (English)`] : [label];
    }),
  ];
}

/** The table as rows of text, with a header a store clerk can fill in (for Excel and CSV). */
export function tableToSheet(table: DecisionTable, options: SheetOptions): string[][] {
  const { locale, facts, roles } = options;
  const rows = table.rows.map((row) => [
    row.title[locale] || row.title['zh-CN'],
    ...table.inputs.map((input, c) => formatCell(row.cells[c] ?? { op: 'any' }, facts?.(input.fact), locale)),
    ...table.outputs.flatMap((output, o) => {
      const value = row.outputs[o];
      if (output.kind !== 'text') return [formatOutput(value, output, locale, roles, (f) => inputLabel({ fact: f }, facts)[locale])];
      const t = value as LocalizedText | undefined;
      return [t?.['zh-CN'] ?? '', t?.en ?? ''];
    }),
  ]);
  return [sheetHeader(table, options), ...rows];
}

/**
 * Reads a filled-in sheet back into the table's rows. Columns are found by their heading in either
 * language; rows are matched to existing rows by their name (either language), else they are new.
 * Every cell that cannot be read is reported with its row and column; then the table is unchanged.
 */
export function sheetToTable(
  table: DecisionTable,
  sheet: string[][],
  options: Omit<SheetOptions, 'locale'>,
): { table: DecisionTable; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const [header = [], ...body] = sheet;
  const headings = (['zh-CN', 'en'] as const).map((locale) => sheetHeader(table, { ...options, locale }));
  const norm = (s: string) => s.trim().toLowerCase();
  const expected = headings[0]!.length;
  const columnOf: number[] = [];
  for (let i = 0; i < expected; i++) {
    const found = header.findIndex((h) => headings.some((hs) => norm(hs[i]!) === norm(h ?? '')));
    if (found < 0) {
      errors.push({
        row: 1,
        column: i + 1,
        message: {
          'zh-CN': `缺少列“${headings[0]![i]}”`,
          en: `The column '${headings[1]![i]}' is missing`,
        },
      });
    }
    columnOf.push(found);
  }
  if (errors.length > 0) return { table, errors };
  const used = new Set<string>();
  const rows: TableRow[] = [];
  body.forEach((line, index) => {
    const sheetRow = index + 2;
    const at = (i: number) => String(line[columnOf[i]!] ?? '').trim();
    if (columnOf.every((_, i) => at(i) === '')) return;
    const title = at(0);
    if (title === '') {
      errors.push({ row: sheetRow, column: columnOf[0]! + 1, message: { 'zh-CN': '缺少规则名称', en: 'The rule has no name' } });
      return;
    }
    const existing = table.rows.find((r) => !used.has(r.name) && (r.title['zh-CN'] === title || r.title.en === title));
    if (existing) used.add(existing.name);
    const cells = table.inputs.map((input, c) => {
      const parsed = parseCell(at(1 + c), options.facts?.(input.fact));
      if ('error' in parsed) {
        errors.push({ row: sheetRow, column: columnOf[1 + c]! + 1, message: parsed.error });
        return { op: 'any' as const };
      }
      return parsed.cell;
    });
    let i = 1 + table.inputs.length;
    const outputs = table.outputs.map((output, o) => {
      if (output.kind === 'text') {
        const zh = at(i++);
        const en = at(i++);
        if (zh === '' && en === '') {
          errors.push({ row: sheetRow, column: columnOf[i - 2]! + 1, message: { 'zh-CN': '请填写文字', en: 'Write a text' } });
        }
        return { 'zh-CN': zh || en, en: en || zh };
      }
      const column = i++;
      const parsed = parseOutput(at(column), output, 'zh-CN', {
        ...(options.roles ? { roles: options.roles } : {}),
        previous: existing?.outputs[o],
        factLabel: (f, locale) => inputLabel({ fact: f }, options.facts)[locale],
      });
      if ('error' in parsed) {
        errors.push({ row: sheetRow, column: columnOf[column]! + 1, message: parsed.error });
        return undefined;
      }
      return parsed.value;
    });
    const keepTitle = existing && (existing.title['zh-CN'] === title || existing.title.en === title);
    rows.push({
      ...(existing ?? newRowDefaults(table)),
      name: existing?.name ?? uniqueRowName(table, rows),
      title: keepTitle ? existing.title : { 'zh-CN': title, en: title },
      cells,
      outputs,
    });
  });
  if (errors.length > 0) return { table, errors };
  return { table: { ...table, rows }, errors };
}

/** What a new row shares with the table's rows: their catalog ids, when all rows have the same. */
export function newRowDefaults(table: DecisionTable): Pick<TableRow, 'catalog'> {
  const ids = new Set(table.rows.map((r) => JSON.stringify(r.catalog ?? [])));
  const [only] = ids;
  return ids.size === 1 && only !== '[]' ? { catalog: JSON.parse(only!) as string[] } : {};
}

/** A rule name for a new row: the table's id and the first free number. */
export function uniqueRowName(table: DecisionTable, more: TableRow[] = []): string {
  const taken = new Set([...table.rows, ...more].map((r) => r.name));
  for (let n = table.rows.length + more.length + 1; ; n++) {
    const name = `${table.id}-${n}`;
    if (!taken.has(name)) return name;
  }
}

/** What an import would change: rows added, removed, and changed (by rule name). */
export function diffTableRows(
  before: DecisionTable,
  after: DecisionTable,
): { added: TableRow[]; removed: TableRow[]; changed: { before: TableRow; after: TableRow }[] } {
  const byName = new Map(before.rows.map((r) => [r.name, r]));
  const afterNames = new Set(after.rows.map((r) => r.name));
  return {
    added: after.rows.filter((r) => !byName.has(r.name)),
    removed: before.rows.filter((r) => !afterNames.has(r.name)),
    changed: after.rows.flatMap((r) => {
      const old = byName.get(r.name);
      return old && JSON.stringify([old.title, old.cells, old.outputs]) !== JSON.stringify([r.title, r.cells, r.outputs])
        ? [{ before: old, after: r }]
        : [];
    }),
  };
}
