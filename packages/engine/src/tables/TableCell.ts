import type { FactCondition } from '../rules/RuleSetFile.js';
import type { TableInput } from './DecisionTable.js';

export type CellScalar = string | number | boolean;

/** One input cell of a decision table: which values of its column the row matches. */
export type TableCell =
  | { op: 'any' }
  | { op: 'eq' | 'ne'; value: CellScalar }
  | { op: 'in' | 'notIn'; values: CellScalar[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { op: 'range'; min: number; max: number; minInclusive: boolean; maxInclusive: boolean };

const COMPARISONS = {
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
} as const;

const isScalar = (v: unknown): v is CellScalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The json-rules-engine conditions a cell stands for (none for "any"). */
export function cellConditions(input: TableInput, cell: TableCell): FactCondition[] {
  const leaf = (operator: string, value: unknown): FactCondition => ({
    fact: input.fact,
    ...(input.path ? { path: input.path } : {}),
    operator,
    value,
  });
  switch (cell.op) {
    case 'any':
      return [];
    case 'eq':
      return [leaf('equal', cell.value)];
    case 'ne':
      return [leaf('notEqual', cell.value)];
    case 'in':
      return [leaf('in', cell.values)];
    case 'notIn':
      return [leaf('notIn', cell.values)];
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return [leaf(COMPARISONS[cell.op], cell.value)];
    case 'range':
      return [
        leaf(cell.minInclusive ? 'greaterThanInclusive' : 'greaterThan', cell.min),
        leaf(cell.maxInclusive ? 'lessThanInclusive' : 'lessThan', cell.max),
      ];
  }
}

/** Reads the leaves of one column back into a cell; undefined when they are not a table cell. */
export function readCell(leaves: FactCondition[]): TableCell | undefined {
  if (leaves.length === 0) return { op: 'any' };
  if (leaves.some((l) => l.params !== undefined || isFactValue(l.value))) return undefined;
  if (leaves.length === 1) {
    const { operator, value } = leaves[0]!;
    if ((operator === 'equal' || operator === 'notEqual') && isScalar(value)) return { op: operator === 'equal' ? 'eq' : 'ne', value };
    if ((operator === 'in' || operator === 'notIn') && Array.isArray(value) && value.length > 0 && value.every(isScalar))
      return { op: operator, values: value };
    const comparison = comparisonOf(operator);
    if (comparison && typeof value === 'number' && Number.isFinite(value)) return { op: comparison, value };
    return undefined;
  }
  if (leaves.length === 2) {
    const [a, b] = leaves.map((l) => ({ op: comparisonOf(l.operator), value: l.value }));
    const lower = [a, b].find((x) => x?.op === 'gt' || x?.op === 'gte');
    const upper = [a, b].find((x) => x?.op === 'lt' || x?.op === 'lte');
    if (!lower || !upper || typeof lower.value !== 'number' || typeof upper.value !== 'number') return undefined;
    if (!Number.isFinite(lower.value) || !Number.isFinite(upper.value)) return undefined;
    return { op: 'range', min: lower.value, max: upper.value, minInclusive: lower.op === 'gte', maxInclusive: upper.op === 'lte' };
  }
  return undefined;
}

function comparisonOf(operator: string): 'gt' | 'gte' | 'lt' | 'lte' | undefined {
  const entry = Object.entries(COMPARISONS).find(([, name]) => name === operator);
  return entry?.[0] as 'gt' | 'gte' | 'lt' | 'lte' | undefined;
}

function isFactValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a concrete value satisfies a cell (json-rules-engine's operators on scalars). */
export function cellMatches(cell: TableCell, value: CellScalar | typeof OTHER): boolean {
  switch (cell.op) {
    case 'any':
      return true;
    case 'eq':
      return value === cell.value;
    case 'ne':
      return value !== cell.value;
    case 'in':
      return cell.values.includes(value as CellScalar);
    case 'notIn':
      return !cell.values.includes(value as CellScalar);
    case 'gt':
      return typeof value === 'number' && value > cell.value;
    case 'gte':
      return typeof value === 'number' && value >= cell.value;
    case 'lt':
      return typeof value === 'number' && value < cell.value;
    case 'lte':
      return typeof value === 'number' && value <= cell.value;
    case 'range':
      return (
        typeof value === 'number' &&
        (cell.minInclusive ? value >= cell.min : value > cell.min) &&
        (cell.maxInclusive ? value <= cell.max : value < cell.max)
      );
  }
}

/** Stands for "any text no row names" in a free-text column. */
export const OTHER = Symbol('other');

/** The values a cell names (for a column's representative values). */
export function cellValues(cell: TableCell): CellScalar[] {
  switch (cell.op) {
    case 'eq':
    case 'ne':
      return [cell.value];
    case 'in':
    case 'notIn':
      return cell.values;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return [cell.value];
    case 'range':
      return [cell.min, cell.max];
    case 'any':
      return [];
  }
}
