import type { FactCatalog } from '../rules/factCatalog.js';
import type { DecisionTable, TableOutput } from './DecisionTable.js';
import { cellMatches, OTHER, type TableCell } from './TableCell.js';
import { columnValues, inferDomain, type ColumnDomain, type ColumnValue } from './columnValues.js';
import { rowsOverlap } from './rowsOverlap.js';

/** Something the table checks found, about a row (0-based) or a cell. */
export type TableFinding =
  | { severity: 'warning'; code: 'table.overlap'; row: number; other: number }
  | { severity: 'warning'; code: 'table.unreachable'; row: number }
  /** Values of the columns no row covers; a column left out may hold any value. */
  | { severity: 'warning'; code: 'table.gap'; values: { column: number; value: ColumnValue }[] }
  | { severity: 'error'; code: 'table.emptyCell'; row: number; column: number }
  | { severity: 'error'; code: 'table.outputType'; row: number; output: number; expected: TableOutput['kind'] };

export interface CheckTableOptions {
  /** What each input fact is (field type and options), for gaps in enum and number columns. */
  facts?: FactCatalog;
  /** Policy roles a role output may name. */
  roles?: string[];
  /** At most this many combinations of column values are enumerated (else only overlaps are checked). */
  maxCombinations?: number;
  /** At most this many gaps are listed. */
  maxGaps?: number;
}

function domainOf(table: DecisionTable, column: number, facts?: FactCatalog): ColumnDomain {
  const input = table.inputs[column]!;
  const any: TableCell = { op: 'any' };
  const cells = table.rows.map((r) => r.cells[column] ?? any);
  const fact = input.path ? undefined : facts?.(input.fact);
  if (fact && !fact.many) {
    if (fact.type === 'boolean') return { type: 'boolean' };
    if (fact.type === 'number' || fact.type === 'integer')
      return {
        type: fact.type,
        ...(fact.minimum !== undefined ? { minimum: fact.minimum } : {}),
        ...(fact.maximum !== undefined ? { maximum: fact.maximum } : {}),
      };
    if (fact.type === 'string') return { type: 'string', ...(fact.enum ? { enum: fact.enum } : {}) };
  }
  return inferDomain(cells);
}

function outputFits(value: unknown, output: TableOutput, roles?: string[]): boolean {
  switch (output.kind) {
    case 'number':
      // A formula (an expression object) is checked by the rule set's own checks.
      return (typeof value === 'number' && Number.isFinite(value) && value >= 0) || (typeof value === 'object' && value !== null);
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1000;
    case 'text':
      return (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as Record<string, unknown>)['zh-CN'] === 'string' &&
        typeof (value as Record<string, unknown>).en === 'string' &&
        ((value as Record<string, string>)['zh-CN']!.trim() !== '' || (value as Record<string, string>).en!.trim() !== '')
      );
    case 'role':
      return typeof value === 'string' && /^[a-z][A-Za-z0-9]*$/.test(value) && (!roles || roles.includes(value));
    case 'choice':
      return typeof value === 'string' && value !== '' && (!output.choices || output.choices.includes(value));
  }
}

function cellIsEmpty(cell: TableCell): boolean {
  if (cell.op === 'range') return cell.min > cell.max || (cell.min === cell.max && !(cell.minInclusive && cell.maxInclusive));
  if (cell.op === 'in') return cell.values.length === 0;
  return false;
}

/**
 * Checks a table as the admin types: output cells of the wrong type and empty ranges (errors);
 * rows that overlap, rows no record can reach, and input values no row covers (warnings). Gaps are
 * reported for enum, yes/no and number columns; a free-text column's other values are not a gap.
 */
export function checkDecisionTable(table: DecisionTable, options: CheckTableOptions = {}): TableFinding[] {
  const findings: TableFinding[] = [];
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, column) => {
      if (cellIsEmpty(cell)) findings.push({ severity: 'error', code: 'table.emptyCell', row: r, column });
    });
    table.outputs.forEach((output, o) => {
      if (!outputFits(row.outputs[o], output, options.roles))
        findings.push({ severity: 'error', code: 'table.outputType', row: r, output: o, expected: output.kind });
    });
  });
  const enabled = table.rows.map((row, r) => ({ row, r })).filter(({ row }) => row.enabled !== false);
  const domains = table.inputs.map((_, column) => domainOf(table, column, options.facts));
  for (const [j, { row, r }] of enabled.entries()) {
    for (const { row: earlier, r: e } of enabled.slice(0, j)) {
      if (rowsOverlap(earlier.cells, row.cells, domains)) findings.push({ severity: 'warning', code: 'table.overlap', row: r, other: e });
    }
  }
  const columns = domains.map((domain, column) =>
    columnValues(
      table.rows.map((row) => row.cells[column] ?? { op: 'any' }),
      domain,
    ),
  );
  const combinations = columns.reduce((n, values) => n * values.length, 1);
  if (combinations > (options.maxCombinations ?? 20_000)) return findings;
  const reached = new Set<number>();
  const gaps: (ColumnValue | undefined)[][] = [];
  const point: ColumnValue[] = [];
  const visit = (column: number) => {
    if (column === columns.length) {
      const matching = enabled.filter(({ row }) => row.cells.every((cell, c) => cellMatches(cell, point[c]!.value)));
      if (matching.length === 0) {
        // A free-text value no row names is not a gap: rows say nothing about it on purpose.
        if (point.some((v, c) => v.value === OTHER && !domains[c]!.enum)) return;
        if (gaps.length < 5000) gaps.push([...point]);
        return;
      }
      if (table.hitPolicy === 'first') reached.add(matching[0]!.r);
      else matching.forEach(({ r }) => reached.add(r));
      return;
    }
    for (const value of columns[column]!) {
      point[column] = value;
      visit(column + 1);
    }
  };
  visit(0);
  for (const { r } of enabled) if (!reached.has(r)) findings.push({ severity: 'warning', code: 'table.unreachable', row: r });
  const listed = collapseGaps(gaps, columns)
    .slice(0, options.maxGaps ?? 5)
    .map((values): TableFinding => ({
      severity: 'warning',
      code: 'table.gap',
      values: values.flatMap((value, column) => (value ? [{ column, value }] : [])),
    }));
  return [...findings, ...listed];
}

/** Merges gaps that differ only in one column and cover all its values into one gap with that column free. */
function collapseGaps(gaps: (ColumnValue | undefined)[][], columns: ColumnValue[][]): (ColumnValue | undefined)[][] {
  let current = gaps;
  columns.forEach((values, column) => {
    const groups = new Map<string, (ColumnValue | undefined)[][]>();
    for (const gap of current) {
      const key = JSON.stringify(gap.map((v, c) => (c === column ? null : v === undefined ? '*' : String(v.value))));
      groups.set(key, [...(groups.get(key) ?? []), gap]);
    }
    current = [...groups.values()].flatMap((group) => {
      const seen = new Set(group.map((g) => g[column]));
      const complete = !seen.has(undefined) && values.every((v) => seen.has(v));
      return complete ? [group[0]!.map((v, c) => (c === column ? undefined : v))] : group;
    });
  });
  return current;
}
