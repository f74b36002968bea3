import type { Expr, ExprTest } from './Expr.js';
import { resolveFieldPath } from '../facts/resolveFieldPath.js';
import { rememberInstant } from '../facts/rememberInstant.js';
import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { daysBetween, formatDateValue, instantOf, localDateValue, shiftDate, type DateValue, type ShiftUnit } from './dateArithmetic.js';

export type FactLookup = (name: string) => unknown;

/** What date functions need beyond the facts: the time zone of date-times, and working calendars. */
export interface ExprEnv {
  timeZone: string;
  /** A working calendar by id; undefined = the rule set's own. */
  calendar: (id: string | undefined) => WorkingCalendar;
}

type Value = number | DateValue;

/**
 * Computes a numeric expression over facts. Returns null when a fact it needs is empty or not a
 * number, the result is not finite (e.g. division by zero), or the expression gives a date: the
 * caller says so, it never guesses.
 */
export function evaluateExpr(expr: Expr, lookup: FactLookup, env?: ExprEnv): number | null {
  const value = compute(expr, lookup, env);
  return typeof value === 'number' ? value : null;
}

/**
 * Computes any expression: a number, a date as a date field holds it ("YYYY-MM-DD"), or an instant
 * as ISO 8601 UTC (a date function applied to a date-time); null when it cannot be computed.
 */
export function evaluateExprValue(expr: Expr, lookup: FactLookup, env?: ExprEnv): number | string | null {
  const value = compute(expr, lookup, env);
  return value === null ? null : typeof value === 'number' ? value : formatDateValue(value);
}

function compute(expr: Expr, lookup: FactLookup, env: ExprEnv | undefined): Value | null {
  if (typeof expr === 'number') return Number.isFinite(expr) ? expr : null;
  const result = node(expr, lookup, env);
  return typeof result === 'number' && !Number.isFinite(result) ? null : result;
}

function node(expr: Exclude<Expr, number>, lookup: FactLookup, env: ExprEnv | undefined): Value | null {
  const num = (e: Expr) => {
    const v = compute(e, lookup, env);
    return typeof v === 'number' ? v : null;
  };
  const all = (list: Expr[]) => {
    const values = list.map(num);
    return values.some((v) => v === null) ? null : (values as number[]);
  };
  if ('fact' in expr) return factValue(lookup(expr.fact), env);
  if ('add' in expr) return all(expr.add)?.reduce((a, b) => a + b, 0) ?? null;
  if ('mul' in expr) return all(expr.mul)?.reduce((a, b) => a * b, 1) ?? null;
  if ('min' in expr) return apply(all(expr.min), (v) => Math.min(...v));
  if ('max' in expr) return apply(all(expr.max), (v) => Math.max(...v));
  if ('sub' in expr) return apply(all(expr.sub), ([a, b]) => a! - b!);
  if ('div' in expr) return apply(all(expr.div), ([a, b]) => (b === 0 ? null : a! / b!));
  if ('round' in expr) return apply(num(expr.round), (v) => roundTo(v, expr.digits ?? 0));
  if ('ceil' in expr) return apply(num(expr.ceil), Math.ceil);
  if ('floor' in expr) return apply(num(expr.floor), Math.floor);
  if ('count' in expr) {
    const list = lookup(expr.count);
    return Array.isArray(list) ? list.length : list === null || list === undefined ? 0 : null;
  }
  if ('sum' in expr) return sumLines(expr, lookup);
  if ('addDays' in expr) return shift(expr.addDays, 'days', lookup, env);
  if ('addMonths' in expr) return shift(expr.addMonths, 'months', lookup, env);
  if ('addYears' in expr) return shift(expr.addYears, 'years', lookup, env);
  if ('daysBetween' in expr) {
    const [a, b] = expr.daysBetween.map((e) => dateOf(compute(e, lookup, env)));
    return a && b && env ? daysBetween(a, b, env.timeZone) : null;
  }
  if ('workingDaysBetween' in expr) {
    const [a, b] = expr.workingDaysBetween.map((e) => dateOf(compute(e, lookup, env)));
    if (!a || !b || !env) return null;
    const calendar = env.calendar(expr.calendar);
    try {
      return calendar.workingDaysBetween(instantOf(a, calendar.timeZone), instantOf(b, calendar.timeZone));
    } catch (error) {
      // The calendar counts at most ten years; further apart is "unknown", not a crash.
      if (error instanceof RangeError) return null;
      throw error;
    }
  }
  const holds = test(expr.if, lookup);
  return holds === null ? null : compute(holds ? expr.then : expr.else, lookup, env);
}

function sumLines(expr: { sum: string; field: string; times?: string }, lookup: FactLookup): number | null {
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

function shift([date, amount]: [Expr, Expr], unit: ShiftUnit, lookup: FactLookup, env: ExprEnv | undefined): Value | null {
  const start = dateOf(compute(date, lookup, env));
  const by = compute(amount, lookup, env);
  if (!start || typeof by !== 'number' || !env) return null;
  return shiftDate(start, by, unit, env.timeZone);
}

/** Whether a test holds; null when an ordering compares something that is not a number. */
export function test(t: ExprTest, lookup: FactLookup): boolean | null {
  const v = lookup(t.fact);
  switch (t.op) {
    case 'filled':
      return isFilled(v);
    case 'empty':
      return !isFilled(v);
    case 'eq':
      return v === t.value;
    case 'ne':
      return v !== t.value;
    case 'lt':
      return order(v, t.value, (a, b) => a < b);
    case 'lte':
      return order(v, t.value, (a, b) => a <= b);
    case 'gt':
      return order(v, t.value, (a, b) => a > b);
    case 'gte':
      return order(v, t.value, (a, b) => a >= b);
  }
}

function order(v: unknown, value: unknown, holds: (a: number, b: number) => boolean): boolean | null {
  const a = toNumber(v);
  const b = toNumber(value);
  return a === null || b === null ? null : holds(a, b);
}

/** Filled: not null, not an empty text, not an empty list. */
export function isFilled(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** A fact's value as an expression value: a number, a date field's date, or a date-time's instant. */
function factValue(v: unknown, env: ExprEnv | undefined): Value | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const date = localDateValue(v);
  if (date) return date;
  if (!env) return null;
  const instant = rememberInstant(v, env.timeZone);
  return instant ? { kind: 'instant', ms: instant.getTime() } : null;
}

const dateOf = (v: Value | null): DateValue | null => (v !== null && typeof v === 'object' ? v : null);

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
