import type { Expr } from './Expr.js';
import { resolveFieldPath } from '../facts/resolveFieldPath.js';

export type FactLookup = (name: string) => unknown;

/**
 * Computes an expression over facts. Returns null when a fact it needs is empty or not a
 * number, or the result is not finite (e.g. division by zero): the caller says so, it never guesses.
 */
export function evaluateExpr(expr: Expr, lookup: FactLookup): number | null {
  if (typeof expr === 'number') return Number.isFinite(expr) ? expr : null;
  const result = compute(expr, lookup);
  return result !== null && Number.isFinite(result) ? result : null;
}

function compute(expr: Exclude<Expr, number>, lookup: FactLookup): number | null {
  // Loops, not callbacks: an evaluation creates no functions.
  if ('fact' in expr) return toNumber(lookup(expr.fact));
  if ('add' in expr) return fold(expr.add, lookup, 'add');
  if ('mul' in expr) return fold(expr.mul, lookup, 'mul');
  if ('min' in expr) return fold(expr.min, lookup, 'min');
  if ('max' in expr) return fold(expr.max, lookup, 'max');
  if ('sub' in expr || 'div' in expr) {
    const values = valuesOf('sub' in expr ? expr.sub : expr.div, lookup);
    if (values === null) return null;
    const [a, b] = values;
    if ('sub' in expr) return a! - b!;
    return b === 0 ? null : a! / b!;
  }
  if ('round' in expr) {
    const value = evaluateExpr(expr.round, lookup);
    return value === null ? null : roundTo(value, expr.digits ?? 0);
  }
  if ('ceil' in expr) return apply(evaluateExpr(expr.ceil, lookup), Math.ceil);
  if ('floor' in expr) return apply(evaluateExpr(expr.floor, lookup), Math.floor);
  if ('count' in expr) {
    const list = lookup(expr.count);
    return Array.isArray(list) ? list.length : list === null || list === undefined ? 0 : null;
  }
  const list = lookup(expr.sum);
  if (list === null || list === undefined) return 0;
  if (!Array.isArray(list)) return null;
  let total = 0;
  for (const item of list) {
    const value = toNumber(resolveFieldPath(item, expr.field));
    const factor = expr.times === undefined ? 1 : toNumber(resolveFieldPath(item, expr.times));
    if (value === null || factor === null) return null;
    total += value * factor;
  }
  return total;
}

/** The values of a list of expressions, each evaluated; null when one is null. */
function valuesOf(list: readonly Expr[], lookup: FactLookup): number[] | null {
  const values: number[] = [];
  let empty = false;
  for (const e of list) {
    const value = evaluateExpr(e, lookup);
    if (value === null) empty = true;
    else values.push(value);
  }
  return empty ? null : values;
}

/** The sum, product, least or greatest of a list's values (as `reduce`/`Math.min(...)` give them); null when one is null. */
function fold(list: readonly Expr[], lookup: FactLookup, how: 'add' | 'mul' | 'min' | 'max'): number | null {
  const values = valuesOf(list, lookup);
  if (values === null) return null;
  if (how === 'min') return Math.min(...values);
  if (how === 'max') return Math.max(...values);
  let result = how === 'add' ? 0 : 1;
  for (const value of values) result = how === 'add' ? result + value : result * value;
  return result;
}

function apply<T>(value: T | null, fn: (value: T) => number | null): number | null {
  return value === null ? null : fn(value);
}

function toNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
