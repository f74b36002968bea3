import type { Expr } from './Expr.js';

/** The operands of an expression node, in order (none for a number, a fact, a count or a sum over lines). */
export function exprChildren(expr: Expr): Expr[] {
  if (typeof expr === 'number' || 'fact' in expr || 'count' in expr || 'sum' in expr) return [];
  if ('round' in expr) return [expr.round];
  if ('ceil' in expr) return [expr.ceil];
  if ('floor' in expr) return [expr.floor];
  if ('if' in expr) return [expr.then, expr.else];
  if ('add' in expr) return expr.add;
  if ('mul' in expr) return expr.mul;
  if ('min' in expr) return expr.min;
  if ('max' in expr) return expr.max;
  if ('sub' in expr) return expr.sub;
  if ('div' in expr) return expr.div;
  if ('addDays' in expr) return expr.addDays;
  if ('addMonths' in expr) return expr.addMonths;
  if ('addYears' in expr) return expr.addYears;
  if ('daysBetween' in expr) return expr.daysBetween;
  return expr.workingDaysBetween;
}
