import type { NestedCondition } from './RuleSetFile.js';
import { asFactReference } from './checkConditionTree.js';

/** Every fact name a condition tree reads, including facts used as comparison values. */
export function collectFacts(condition: NestedCondition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => collectFacts(c, into));
  else if ('any' in condition) condition.any.forEach((c) => collectFacts(c, into));
  else if ('not' in condition) collectFacts(condition.not, into);
  else if ('fact' in condition) {
    into.add(condition.fact);
    const ref = asFactReference(condition.value);
    if (ref !== undefined) into.add(ref);
  }
  return into;
}
