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
  const all = (list: Expr[]) => {
    const values = list.map((e) => evaluateExpr(e, lookup));
    return values.some((v) => v === null) ? null : (values as number[]);
  };
  if ('fact' in expr) return toNumber(lookup(expr.fact));
  if ('add' in expr) return all(expr.add)?.reduce((a, b) => a + b, 0) ?? null;
  if ('mul' in expr) return all(expr.mul)?.reduce((a, b) => a * b, 1) ?? null;
  if ('min' in expr) return apply(all(expr.min), (v) => Math.min(...v));
  if ('max' in expr) return apply(all(expr.max), (v) => Math.max(...v));
  if ('sub' in expr) return apply(all(expr.sub), ([a, b]) => a! - b!);
  if ('div' in expr) return apply(all(expr.div), ([a, b]) => (b === 0 ? null : a! / b!));
  if ('round' in expr) return apply(evaluateExpr(expr.round, lookup), (v) => roundTo(v, expr.digits ?? 0));
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
