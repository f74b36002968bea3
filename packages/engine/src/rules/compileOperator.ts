import { parseOperator, type DecoratorName, type OperatorName } from './operators.js';
import { CUSTOM_OPERATORS } from './customOperators.js';

/**
 * One comparison of a condition: the fact's value (left) against the condition's value (right),
 * exactly as json-rules-engine 7.3.1 runs its built-in operator of the same name. Like it, a
 * comparison can throw (a TypeError) on values it cannot handle, e.g. `in` against `null`: the
 * evaluation then fails as json-rules-engine's run does.
 */
export type Comparison = (factValue: unknown, value: unknown) => boolean;

/**
 * json-rules-engine checks the fact's value before the comparison (an operator's "fact value
 * validator"): number operators want something `Number.parseFloat` reads as a number (so "12abc",
 * " 12 " and [5] pass, then compare with JavaScript's own coercion), `contains` an array.
 */
export const isNumberLike = (value: unknown): boolean => {
  if (typeof value === 'number') return !Number.isNaN(value);
  // What `Number.parseFloat` reads from these without making their text: "null", "undefined", "true", "false".
  if (value === null || value === undefined || typeof value === 'boolean') return false;
  return !Number.isNaN(Number.parseFloat(value as string));
};

/** `list.indexOf(item)` on whatever the value is: a string searches for `String(item)`, anything else without `indexOf` throws. */
const indexOf = (list: unknown, item: unknown): number => (list as { indexOf(item: unknown): number }).indexOf(item);

// The operands are compared with JavaScript's own operators, coercion included, as json-rules-engine does.
type Loose = number;

const BASE: Record<OperatorName, Comparison> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumberLike(a) && (a as Loose) < (b as Loose),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as Loose) <= (b as Loose),
  greaterThan: (a, b) => isNumberLike(a) && (a as Loose) > (b as Loose),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as Loose) >= (b as Loose),
  isFilled: CUSTOM_OPERATORS.isFilled.compare,
  isEmpty: CUSTOM_OPERATORS.isEmpty.compare,
  hasAny: CUSTOM_OPERATORS.hasAny.compare,
  hasNone: CUSTOM_OPERATORS.hasNone.compare,
};

const DECORATE: Record<DecoratorName, (next: Comparison) => Comparison> = {
  someFact: (next) => (a, b) => Array.isArray(a) && a.some((item) => next(item, b)),
  everyFact: (next) => (a, b) => Array.isArray(a) && a.every((item) => next(item, b)),
  someValue: (next) => (a, b) => (b as unknown[]).some((item) => next(a, item)),
  everyValue: (next) => (a, b) => (b as unknown[]).every((item) => next(a, item)),
  swap: (next) => (a, b) => next(b, a),
  not: (next) => (a, b) => !next(a, b),
};

/**
 * The comparison of an operator text ("not:someFact:equal"); undefined when the operator is
 * unknown. Decorators apply right to left, the first written is the outermost, as in
 * json-rules-engine's operator map.
 */
export function compileOperator(text: string): Comparison | undefined {
  const parsed = parseOperator(text);
  if (!parsed) return undefined;
  let comparison = BASE[parsed.operator];
  for (let i = parsed.decorators.length - 1; i >= 0; i--) comparison = DECORATE[parsed.decorators[i]!](comparison);
  return comparison;
}

/**
 * The operators a flat rule compares in place, without calling their comparison (`runRuleSet`),
 * when written without decorators; `OTHER`: call it. Each in-place comparison is its `BASE` one.
 */
export const INLINE = {
  OTHER: 0,
  equal: 1,
  notEqual: 2,
  greaterThan: 3,
  greaterThanInclusive: 4,
  lessThan: 5,
  lessThanInclusive: 6,
  isFilled: 7,
  isEmpty: 8,
  in: 9,
  notIn: 10,
} as const;

/** The in-place code of an operator text (`INLINE`). */
export function inlineCode(text: string): number {
  return Object.hasOwn(INLINE, text) && text !== 'OTHER' ? INLINE[text as keyof typeof INLINE] : INLINE.OTHER;
}
