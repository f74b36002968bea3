import type { Expr, ExprTest } from './Expr.js';
import { resolveFieldPath } from '../facts/resolveFieldPath.js';
import { parseInstant } from '../calendar/parseInstant.js';
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
  const value = valueOf(expr, lookup, env);
  return typeof value === 'number' ? value : null;
}

/**
 * Computes any expression: a number, a date as a date field holds it ("YYYY-MM-DD"), or an instant
 * as ISO 8601 UTC (a date function applied to a date-time); null when it cannot be computed.
 */
export function evaluateExprValue(expr: Expr, lookup: FactLookup, env?: ExprEnv): number | string | null {
  const value = valueOf(expr, lookup, env);
  return value === null ? null : typeof value === 'number' ? value : formatDateValue(value);
}

/** An expression's value: a finite number, a date, or null. */
function valueOf(expr: Expr, lookup: FactLookup, env: ExprEnv | undefined): Value | null {
  if (typeof expr === 'number') return Number.isFinite(expr) ? expr : null;
  const result = compute(expr, lookup, env);
  return typeof result === 'number' && !Number.isFinite(result) ? null : result;
}

function compute(expr: Exclude<Expr, number>, lookup: FactLookup, env: ExprEnv | undefined): Value | null {
  // Loops, not callbacks: an evaluation creates no functions.
  if ('fact' in expr) return factValue(lookup(expr.fact), env);
  if ('add' in expr) return fold(expr.add, lookup, env, 'add');
  if ('mul' in expr) return fold(expr.mul, lookup, env, 'mul');
  if ('min' in expr) return fold(expr.min, lookup, env, 'min');
  if ('max' in expr) return fold(expr.max, lookup, env, 'max');
  if ('sub' in expr || 'div' in expr) {
    const values = valuesOf('sub' in expr ? expr.sub : expr.div, lookup, env);
    if (values === null) return null;
    const [a, b] = values;
    if ('sub' in expr) return a! - b!;
    return b === 0 ? null : a! / b!;
  }
  if ('round' in expr) {
    const value = evaluateExpr(expr.round, lookup, env);
    return value === null ? null : roundTo(value, expr.digits ?? 0);
  }
  if ('ceil' in expr) return apply(evaluateExpr(expr.ceil, lookup, env), Math.ceil);
  if ('floor' in expr) return apply(evaluateExpr(expr.floor, lookup, env), Math.floor);
  if ('count' in expr) {
    const list = lookup(expr.count);
    return Array.isArray(list) ? list.length : list === null || list === undefined ? 0 : null;
  }
  if ('sum' in expr) return sumLines(expr, lookup);
  if ('addDays' in expr) return shift(expr.addDays, 'days', lookup, env);
  if ('addMonths' in expr) return shift(expr.addMonths, 'months', lookup, env);
  if ('addYears' in expr) return shift(expr.addYears, 'years', lookup, env);
  if ('daysBetween' in expr) {
    const a = dateOf(valueOf(expr.daysBetween[0], lookup, env));
    const b = dateOf(valueOf(expr.daysBetween[1], lookup, env));
    return a && b && env ? daysBetween(a, b, env.timeZone) : null;
  }
  if ('workingDaysBetween' in expr) {
    const a = dateOf(valueOf(expr.workingDaysBetween[0], lookup, env));
    const b = dateOf(valueOf(expr.workingDaysBetween[1], lookup, env));
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
  return holds === null ? null : valueOf(holds ? expr.then : expr.else, lookup, env);
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

/** The values of a list of numeric expressions, each evaluated; null when one is null (or a date). */
function valuesOf(list: readonly Expr[], lookup: FactLookup, env: ExprEnv | undefined): number[] | null {
  const values: number[] = [];
  let empty = false;
  for (const e of list) {
    const value = evaluateExpr(e, lookup, env);
    if (value === null) empty = true;
    else values.push(value);
  }
  return empty ? null : values;
}

/** The sum, product, least or greatest of a list's values (as `reduce`/`Math.min(...)` give them); null when one is null. */
function fold(list: readonly Expr[], lookup: FactLookup, env: ExprEnv | undefined, how: 'add' | 'mul' | 'min' | 'max'): number | null {
  const values = valuesOf(list, lookup, env);
  if (values === null) return null;
  if (how === 'min') return Math.min(...values);
  if (how === 'max') return Math.max(...values);
  let result = how === 'add' ? 0 : 1;
  for (const value of values) result = how === 'add' ? result + value : result * value;
  return result;
}

function shift([date, amount]: [Expr, Expr], unit: ShiftUnit, lookup: FactLookup, env: ExprEnv | undefined): Value | null {
  const start = dateOf(valueOf(date, lookup, env));
  const by = valueOf(amount, lookup, env);
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
  const instant = parseInstant(v, env.timeZone);
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
