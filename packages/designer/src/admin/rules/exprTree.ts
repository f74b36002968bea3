import type { Expr, ExprTest } from '@aftersales/engine';

/**
 * The node kinds of a formula, as the block editor offers them. `percent` is a view of
 * `{ mul: [x, n] }` with a number second (n = percent / 100): it reads and writes that JSON.
 */
export type ExprKind =
  | 'number'
  | 'fact'
  | 'percent'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'min'
  | 'max'
  | 'round'
  | 'ceil'
  | 'floor'
  | 'count'
  | 'sum'
  | 'if'
  | 'addDays'
  | 'addMonths'
  | 'addYears'
  | 'daysBetween'
  | 'workingDaysBetween';

/** The kinds in the order the editor lists them, in groups. */
export const EXPR_KIND_GROUPS: readonly {
  group: 'value' | 'arithmetic' | 'rounding' | 'lines' | 'condition' | 'date';
  kinds: ExprKind[];
}[] = [
  { group: 'value', kinds: ['number', 'fact'] },
  { group: 'arithmetic', kinds: ['percent', 'add', 'sub', 'mul', 'div', 'min', 'max'] },
  { group: 'rounding', kinds: ['round', 'ceil', 'floor'] },
  { group: 'lines', kinds: ['count', 'sum'] },
  { group: 'condition', kinds: ['if'] },
  { group: 'date', kinds: ['addDays', 'addMonths', 'addYears', 'daysBetween', 'workingDaysBetween'] },
];

export const EXPR_KINDS: readonly ExprKind[] = EXPR_KIND_GROUPS.flatMap((g) => g.kinds);

type ListKind = 'add' | 'mul' | 'min' | 'max';
type PairKind = 'sub' | 'div' | 'addDays' | 'addMonths' | 'addYears' | 'daysBetween' | 'workingDaysBetween';
type UnaryKind = 'round' | 'ceil' | 'floor';
const LIST_KINDS: readonly string[] = ['add', 'mul', 'min', 'max'];
const PAIR_KINDS: readonly string[] = ['sub', 'div', 'addDays', 'addMonths', 'addYears', 'daysBetween', 'workingDaysBetween'];
const UNARY_KINDS: readonly string[] = ['round', 'ceil', 'floor'];
export const DATE_KINDS: readonly ExprKind[] = ['addDays', 'addMonths', 'addYears', 'daysBetween', 'workingDaysBetween'];
const LEAF_KINDS: readonly ExprKind[] = ['number', 'fact', 'count', 'sum'];

/** The value a new second operand starts at: it leaves the first one unchanged. */
const NEUTRAL: Record<ListKind | 'sub' | 'div', number> = { add: 0, sub: 0, mul: 1, div: 1, min: 0, max: 0 };

/** What a formula starts from when a node changes kind: the first numeric fact, date fact, testable fact and repeating lines. */
export interface ExprStarters {
  fact?: string;
  dateFact?: string;
  testFact?: string;
  lines?: { name: string; field: string };
  /** Every date fact (a fact among them stays the start of a date function). */
  dateFacts?: readonly string[];
}

/** Whether a node is `x × n` with a number n: shown as a percentage of x. */
export function isPercent(expr: Expr): expr is { mul: [Expr, number] } {
  return (
    typeof expr === 'object' && 'mul' in expr && Object.keys(expr).length === 1 && expr.mul.length === 2 && typeof expr.mul[1] === 'number'
  );
}

export function exprKind(expr: Expr): ExprKind {
  if (typeof expr === 'number') return 'number';
  if (isPercent(expr)) return 'percent';
  for (const kind of EXPR_KINDS) if (kind !== 'percent' && kind in expr) return kind;
  return 'number';
}

/** Whether a node takes any number of operands (add, multiply, min, max). */
export const isListKind = (kind: ExprKind): kind is ListKind => LIST_KINDS.includes(kind);
export const isPairKind = (kind: ExprKind): kind is PairKind => PAIR_KINDS.includes(kind);
export const isUnaryKind = (kind: ExprKind): kind is UnaryKind => UNARY_KINDS.includes(kind);
export const isLeafKind = (kind: ExprKind) => LEAF_KINDS.includes(kind);

/** The operands of a node the editor nests (the base of a percentage; both branches of a condition); `kind` = the block shown (`mul` for a product shown as such). */
export function exprChildren(expr: Expr, kind: ExprKind = exprKind(expr)): Expr[] {
  const e = expr as Record<string, unknown>;
  if (kind === 'percent') return [(expr as { mul: [Expr, number] }).mul[0]];
  if (kind === 'if') return [e.then as Expr, e.else as Expr];
  if (isListKind(kind) || isPairKind(kind)) return e[kind] as Expr[];
  if (isUnaryKind(kind)) return [e[kind] as Expr];
  return [];
}

/** The node with new operands (other keys, e.g. round's digits, the percentage, the test, kept). */
export function withChildren(expr: Expr, children: Expr[], kind: ExprKind = exprKind(expr)): Expr {
  if (kind === 'percent') return { mul: [children[0]!, (expr as { mul: [Expr, number] }).mul[1]] };
  if (kind === 'if') return { ...(expr as object), then: children[0]!, else: children[1]! } as Expr;
  if (isListKind(kind) || isPairKind(kind)) return { ...(expr as object), [kind]: children } as Expr;
  if (isUnaryKind(kind) && children[0] !== undefined) return { ...(expr as object), [kind]: children[0] } as Expr;
  return expr;
}

/**
 * The node as another kind, keeping what it can: an operation keeps its operands (a pair keeps the
 * first two); a value becomes the first operand of a new operation; rounding, a percentage and a
 * condition wrap the whole node; a date function starts from the node when it is a date, else
 * from the first date fact. What a change drops is told by `exprLosses` (the editor asks first).
 */
export function changeExprKind(expr: Expr, kind: ExprKind, starters: ExprStarters): Expr {
  const from = exprKind(expr);
  if (from === kind) return expr;
  const operands = isListKind(from) || isPairKind(from) || isUnaryKind(from) || from === 'percent' ? exprChildren(expr) : [expr];
  const dateStart: Expr = from === 'fact' && isDateFact(expr, starters) ? expr : { fact: starters.dateFact ?? '' };
  switch (kind) {
    case 'number':
      return 0;
    case 'fact':
      return { fact: starters.fact ?? '' };
    case 'count':
      return { count: starters.lines?.name ?? '' };
    case 'sum':
      return { sum: starters.lines?.name ?? '', field: starters.lines?.field ?? '' };
    case 'percent':
      return { mul: [from === 'mul' ? operands[0]! : expr, 1] };
    case 'round':
    case 'ceil':
    case 'floor':
      return { [kind]: isUnaryKind(from) ? operands[0]! : expr } as Expr;
    case 'if':
      return { if: { fact: starters.testFact ?? starters.fact ?? '', op: 'filled' }, then: expr, else: 0 };
    case 'addDays':
    case 'addMonths':
    case 'addYears': {
      const start = DATE_KINDS.includes(from) && from.startsWith('add') ? operands[0]! : dateStart;
      const amount = DATE_KINDS.includes(from) && from.startsWith('add') ? operands[1]! : 1;
      return { [kind]: [start, amount] } as Expr;
    }
    case 'daysBetween':
    case 'workingDaysBetween': {
      const pair = from === 'daysBetween' || from === 'workingDaysBetween' ? operands : [dateStart, { fact: starters.dateFact ?? '' }];
      return { [kind]: pair } as Expr;
    }
    case 'sub':
    case 'div': {
      const pair = operands.slice(0, 2);
      while (pair.length < 2) pair.push(NEUTRAL[kind]);
      return { [kind]: pair } as Expr;
    }
    case 'add':
    case 'mul':
    case 'min':
    case 'max':
      return { [kind]: operands.length >= 2 ? operands : [...operands, NEUTRAL[kind]] } as Expr;
  }
}

function isDateFact(expr: Expr, starters: ExprStarters): boolean {
  return typeof expr === 'object' && 'fact' in expr && (starters.dateFacts?.includes(expr.fact) ?? expr.fact === starters.dateFact);
}

/** A new operand for a list node: its neutral value. */
export function newOperand(kind: ExprKind): Expr {
  return isListKind(kind) ? NEUTRAL[kind] : 0;
}

/** A test of a condition block with another operator: filled/empty carry no value; comparisons keep theirs. */
export function withTestOp(test: ExprTest, op: ExprTest['op']): ExprTest {
  const { value, ...rest } = test;
  if (op === 'filled' || op === 'empty') return { ...rest, op };
  return { ...rest, op, value: value ?? (op === 'eq' || op === 'ne' ? '' : 0) };
}

/** What a formula holds that a reader would miss if it went: facts, numbers (but 0 and 1), decimals, percentages, tests, calendars. */
function atoms(expr: Expr, out: string[] = []): string[] {
  if (typeof expr === 'number') {
    if (expr !== 0 && expr !== 1) out.push(`n:${expr}`);
    return out;
  }
  const e = expr as Record<string, unknown>;
  for (const key of ['fact', 'count', 'sum', 'field', 'times', 'calendar'] as const)
    if (typeof e[key] === 'string' && e[key] !== '') out.push(`${key === 'fact' ? 'fact' : key}:${String(e[key])}`);
  if (typeof e.digits === 'number' && e.digits > 0) out.push(`digits:${e.digits}`);
  if ('if' in expr) out.push(`test:${JSON.stringify(expr.if)}`);
  for (const child of exprChildrenAll(expr)) atoms(child, out);
  return out;
}

/** Every operand, the number of a percentage included. */
function exprChildrenAll(expr: Expr): Expr[] {
  return isPercent(expr) ? expr.mul : exprChildren(expr);
}

/** What `next` no longer holds of `previous` (facts, numbers, decimals, tests), as atoms; empty when nothing is lost. */
export function exprLosses(previous: Expr, next: Expr): string[] {
  const kept = atoms(next);
  const lost: string[] = [];
  for (const atom of atoms(previous)) {
    const at = kept.indexOf(atom);
    if (at === -1) lost.push(atom);
    else kept.splice(at, 1);
  }
  return lost;
}
