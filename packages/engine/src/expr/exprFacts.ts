import type { Expr } from './Expr.js';
import { exprChildren } from './exprChildren.js';

/** The fact names an expression reads (array fields for `count`/`sum`, the tested fact of an `if`). */
export function exprFacts(expr: Expr): string[] {
  if (typeof expr === 'number') return [];
  if ('fact' in expr) return [expr.fact];
  if ('count' in expr) return [expr.count];
  if ('sum' in expr) return [expr.sum];
  const own = 'if' in expr ? [expr.if.fact] : [];
  return [...own, ...exprChildren(expr).flatMap(exprFacts)];
}
