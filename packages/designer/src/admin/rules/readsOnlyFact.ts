import { CUSTOM_OPERATORS, parseOperator } from '@aftersales/engine';

/** Whether an operator reads only the fact (is filled, is empty, has any, has none): no value box, the value is `true`. */
export function readsOnlyFact(operator: string): boolean {
  const parsed = parseOperator(operator);
  return parsed !== undefined && Object.hasOwn(CUSTOM_OPERATORS, parsed.operator);
}
