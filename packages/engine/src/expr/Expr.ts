/**
 * A small expression over record facts, as data (never evaluated as code).
 * `{ "mul": [{ "fact": "fee" }, 0.05] }` is 5% of the fee;
 * `{ "addYears": [{ "fact": "purchaseDate" }, 2] }` is the day two years after the purchase date.
 * Most nodes give a number; `addDays`/`addMonths`/`addYears` give a date (a date field's value
 * "YYYY-MM-DD", or an instant when they start from a date-time).
 */
export type Expr =
  | number
  | { fact: string }
  | { add: Expr[] }
  | { sub: [Expr, Expr] }
  | { mul: Expr[] }
  | { div: [Expr, Expr] }
  | { min: Expr[] }
  | { max: Expr[] }
  | { round: Expr; digits?: number }
  | { ceil: Expr }
  | { floor: Expr }
  /** Number of items of an array field. */
  | { count: string }
  /** Sum over an array field of one item field, or of item field products (`times`). */
  | { sum: string; field: string; times?: string }
  /** A date (or date-time) moved by a whole number of calendar days, months or years (may be negative). */
  | { addDays: [Expr, Expr] }
  | { addMonths: [Expr, Expr] }
  | { addYears: [Expr, Expr] }
  /** Calendar days from the first date to the second (negative when the second is earlier), in the calendar's zone. */
  | { daysBetween: [Expr, Expr] }
  /** Working days from the first date to the second on a working calendar (default: the rule set's). */
  | { workingDaysBetween: [Expr, Expr]; calendar?: string }
  /** One of two values, on a test of a fact. */
  | { if: ExprTest; then: Expr; else: Expr };

/** The test of a conditional expression: a fact against a literal, or whether it is filled. */
export interface ExprTest {
  fact: string;
  op: ExprTestOp;
  /** The literal compared with (not for `filled`/`empty`). */
  value?: string | number | boolean;
}

export type ExprTestOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'filled' | 'empty';

export const EXPR_TEST_OPS: readonly ExprTestOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'filled', 'empty'];

/** The date functions, each with the two inputs it reads. */
export const DATE_SHIFTS = ['addDays', 'addMonths', 'addYears'] as const;
export type DateShift = (typeof DATE_SHIFTS)[number];
