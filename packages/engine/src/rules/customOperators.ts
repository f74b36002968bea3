import { isFilled } from '../expr/evaluateExpr.js';

/**
 * The operators the product adds to json-rules-engine's built-in ones: the one registry both
 * evaluators read (the compiled evaluator through `compileOperator`, json-rules-engine through
 * `engine.addOperator` in the reference pool). Each compares the fact's value only; the
 * condition's `value` is `true` by convention and not read.
 */
export const CUSTOM_OPERATORS = {
  /** Filled: not null, not an empty text, not an empty list. */
  isFilled: { kind: 'presence', compare: (factValue: unknown) => isFilled(factValue) },
  isEmpty: { kind: 'presence', compare: (factValue: unknown) => !isFilled(factValue) },
  /** A list (a multiple choice, photos, repeating lines) with at least one item. */
  hasAny: { kind: 'listPresence', compare: (factValue: unknown) => Array.isArray(factValue) && factValue.length > 0 },
  hasNone: { kind: 'listPresence', compare: (factValue: unknown) => !Array.isArray(factValue) || factValue.length === 0 },
} as const;

export type CustomOperatorName = keyof typeof CUSTOM_OPERATORS;
