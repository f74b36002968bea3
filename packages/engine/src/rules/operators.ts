import { CUSTOM_OPERATORS } from './customOperators.js';

/** json-rules-engine's built-in operators and the product's own (`customOperators.ts`), grouped by what they compare. */
export const OPERATORS = {
  equal: 'any',
  notEqual: 'any',
  lessThan: 'number',
  lessThanInclusive: 'number',
  greaterThan: 'number',
  greaterThanInclusive: 'number',
  in: 'inList',
  notIn: 'inList',
  contains: 'arrayContains',
  doesNotContain: 'arrayContains',
  isFilled: CUSTOM_OPERATORS.isFilled.kind,
  isEmpty: CUSTOM_OPERATORS.isEmpty.kind,
  hasAny: CUSTOM_OPERATORS.hasAny.kind,
  hasNone: CUSTOM_OPERATORS.hasNone.kind,
} as const;

export type OperatorName = keyof typeof OPERATORS;

/** json-rules-engine's operator decorators, written before the operator: `someFact:greaterThan`. */
export const DECORATORS = ['someFact', 'everyFact', 'someValue', 'everyValue', 'swap', 'not'] as const;
export type DecoratorName = (typeof DECORATORS)[number];

export const OPERATOR_PATTERN = `^((${DECORATORS.join('|')}):)*(${Object.keys(OPERATORS).join('|')})$`;

export interface ParsedOperator {
  decorators: DecoratorName[];
  operator: OperatorName;
}

/** Splits "not:someFact:equal" into its decorators and operator; undefined when unknown. */
export function parseOperator(text: string): ParsedOperator | undefined {
  const parts = text.split(':');
  const operator = parts.pop();
  if (!operator || !(operator in OPERATORS)) return undefined;
  if (!parts.every((p): p is DecoratorName => (DECORATORS as readonly string[]).includes(p))) return undefined;
  return { decorators: parts, operator: operator as OperatorName };
}
