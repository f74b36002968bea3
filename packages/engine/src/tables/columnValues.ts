import { cellValues, OTHER, type CellScalar, type TableCell } from './TableCell.js';

/** One class of values of a column: a concrete value standing for it, and how to name it. */
export interface ColumnValue {
  value: CellScalar | typeof OTHER;
  /** For numbers: the interval the value stands for (`lo`/`hi` undefined = unbounded); equal ends = that number. */
  interval?: { lo?: number; hi?: number };
}

export interface ColumnDomain {
  type: 'number' | 'integer' | 'boolean' | 'string';
  /** The options of an enum field. */
  enum?: unknown[];
  /** A number field's bounds: values outside them are not gaps. */
  minimum?: number;
  maximum?: number;
}

/** Infers what a column holds from its cells, when the field is not known. */
export function inferDomain(cells: TableCell[]): ColumnDomain {
  const values = cells.flatMap(cellValues);
  if (cells.some((c) => c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte' || c.op === 'range')) return { type: 'number' };
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return { type: 'boolean' };
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return { type: 'number' };
  return { type: 'string' };
}

/**
 * Values that stand for every class of a column: each row's cell either holds all values of a
 * class or none. So checking the representatives checks every possible record exactly.
 */
export function columnValues(cells: TableCell[], domain: ColumnDomain): ColumnValue[] {
  if (domain.type === 'boolean') return [{ value: true }, { value: false }];
  const named = cells.flatMap(cellValues);
  if (domain.type === 'number' || domain.type === 'integer') {
    const points = [...new Set(named.filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b);
    if (points.length === 0) return [{ value: 0, interval: {} }];
    const integer = domain.type === 'integer';
    const out: ColumnValue[] = [];
    const { minimum: min, maximum: max } = domain;
    const inside = (v: number) => (min === undefined || v >= min) && (max === undefined || v <= max);
    const first = points[0]!;
    const below = min === undefined ? (integer ? Math.ceil(first) - 1 : first - 1) : min;
    if (below < first) out.push({ value: below, interval: { hi: first } });
    points.forEach((p, i) => {
      if ((!integer || Number.isInteger(p)) && inside(p)) out.push({ value: p, interval: { lo: p, hi: p } });
      const next = points[i + 1];
      if (next === undefined) return;
      const between = integer ? Math.floor(p) + 1 : (p + next) / 2;
      if (between > p && between < next && inside(between)) out.push({ value: between, interval: { lo: p, hi: next } });
    });
    const last = points[points.length - 1]!;
    const above = max === undefined ? (integer ? Math.floor(last) + 1 : last + 1) : max;
    if (above > last) out.push({ value: above, interval: { lo: last } });
    return out;
  }
  const options = domain.enum?.filter((v): v is CellScalar => typeof v === 'string' || typeof v === 'number') ?? [];
  const values = [...new Set<CellScalar>([...options, ...named])];
  // A free-text column (no enum) has values no row names: one class stands for all of them.
  const other: ColumnValue[] = domain.enum ? [] : [{ value: OTHER }];
  return [...values.map((value): ColumnValue => ({ value })), ...other];
}
