import type { Expr } from './Expr.js';

/** The fact names an expression reads (array fields for `count`/`sum`). */
export function exprFacts(expr: Expr): string[] {
  if (typeof expr === 'number') return [];
  if ('fact' in expr) return [expr.fact];
  if ('count' in expr) return [expr.count];
  if ('sum' in expr) return [expr.sum];
  if ('round' in expr) return exprFacts(expr.round);
  if ('ceil' in expr) return exprFacts(expr.ceil);
  if ('floor' in expr) return exprFacts(expr.floor);
  const list =
    'add' in expr
      ? expr.add
      : 'mul' in expr
        ? expr.mul
        : 'min' in expr
          ? expr.min
          : 'max' in expr
            ? expr.max
            : 'sub' in expr
              ? expr.sub
              : expr.div;
  return list.flatMap(exprFacts);
}
