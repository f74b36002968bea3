import type { Expr } from '@aftersales/engine';

/** The node kinds of an amount expression, as the tree editor offers them. */
export type ExprKind = 'number' | 'fact' | 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max' | 'round' | 'ceil' | 'floor' | 'count' | 'sum';

export const EXPR_KINDS: readonly ExprKind[] = [
  'number',
  'fact',
  'add',
  'sub',
  'mul',
  'div',
  'min',
  'max',
  'round',
  'ceil',
  'floor',
  'count',
  'sum',
];

type ListKind = 'add' | 'mul' | 'min' | 'max';
type PairKind = 'sub' | 'div';
type UnaryKind = 'round' | 'ceil' | 'floor';
const LIST_KINDS: readonly string[] = ['add', 'mul', 'min', 'max'];
const PAIR_KINDS: readonly string[] = ['sub', 'div'];
const UNARY_KINDS: readonly string[] = ['round', 'ceil', 'floor'];

/** The value a new second operand starts at: it leaves the first one unchanged. */
const NEUTRAL: Record<ListKind | PairKind, number> = { add: 0, sub: 0, mul: 1, div: 1, min: 0, max: 0 };

/** What an amount starts from when a node changes kind: the first numeric fact, the first repeating lines. */
export interface ExprStarters {
  fact?: string;
  lines?: { name: string; field: string };
}

export function exprKind(expr: Expr): ExprKind {
  if (typeof expr === 'number') return 'number';
  for (const kind of EXPR_KINDS) if (kind in expr) return kind;
  return 'number';
}

/** Whether a node takes any number of operands (add, multiply, min, max). */
export const isListKind = (kind: ExprKind): kind is ListKind => LIST_KINDS.includes(kind);
export const isPairKind = (kind: ExprKind): kind is PairKind => PAIR_KINDS.includes(kind);
export const isUnaryKind = (kind: ExprKind): kind is UnaryKind => UNARY_KINDS.includes(kind);

/** The operands of a node (none for a number, a fact, a count or a sum over lines). */
export function exprChildren(expr: Expr): Expr[] {
  const kind = exprKind(expr);
  const e = expr as Record<string, unknown>;
  if (isListKind(kind) || isPairKind(kind)) return e[kind] as Expr[];
  if (isUnaryKind(kind)) return [e[kind] as Expr];
  return [];
}

/** The node with new operands (other keys, e.g. round's digits, kept). */
export function withChildren(expr: Expr, children: Expr[]): Expr {
  const kind = exprKind(expr);
  if (isListKind(kind) || isPairKind(kind)) return { ...(expr as object), [kind]: children } as Expr;
  if (isUnaryKind(kind) && children[0] !== undefined) return { ...(expr as object), [kind]: children[0] } as Expr;
  return expr;
}

/**
 * The node as another kind, keeping what it can: an operation keeps its operands (a pair keeps the
 * first two); a value becomes the first operand of a new operation; rounding wraps the whole node.
 */
export function changeExprKind(expr: Expr, kind: ExprKind, starters: ExprStarters): Expr {
  const from = exprKind(expr);
  if (from === kind) return expr;
  const operands = isListKind(from) || isPairKind(from) ? exprChildren(expr) : isUnaryKind(from) ? exprChildren(expr) : [expr];
  switch (kind) {
    case 'number':
      return 0;
    case 'fact':
      return { fact: starters.fact ?? '' };
    case 'count':
      return { count: starters.lines?.name ?? '' };
    case 'sum':
      return { sum: starters.lines?.name ?? '', field: starters.lines?.field ?? '' };
    case 'round':
    case 'ceil':
    case 'floor':
      return { [kind]: isUnaryKind(from) ? exprChildren(expr)[0]! : expr } as Expr;
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

/** A new operand for a list node: its neutral value. */
export function newOperand(kind: ExprKind): Expr {
  return isListKind(kind) || isPairKind(kind) ? NEUTRAL[kind] : 0;
}
