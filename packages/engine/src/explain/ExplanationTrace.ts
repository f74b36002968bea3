import type { NestedCondition, TopLevelCondition } from '../rules/RuleSetFile.js';
import type { ConditionExplanation, RuleExplanation } from './Explanation.js';
import type { EvaluatedCondition } from './explainConditions.js';

/**
 * What one evaluation found about one rule that its rule set version cannot tell by itself.
 * Stored with a record instead of the explanation (a fraction of its size); the pinned
 * policy rebuilds the explanation from it with `Policy.explain`.
 */
export interface RuleTrace {
  ruleSet: string;
  rule: string;
  fired: boolean;
  /** Every leaf comparison in the order of the rule's condition tree; absent when the rule did not run. */
  leaves?: LeafTrace[];
}

export interface LeafTrace {
  factValue: unknown;
  /** Absent: not evaluated (json-rules-engine stopped early). */
  result?: boolean;
  /** The compared fact's value, when the comparison is against another fact. */
  valueFactValue?: unknown;
}

/** The trace of an explanation: only what the evaluation found. */
export function traceExplanation(explanation: readonly RuleExplanation[]): RuleTrace[] {
  return explanation.map((rule) => {
    const trace: RuleTrace = { ruleSet: rule.ruleSet, rule: rule.rule, fired: rule.fired };
    if (rule.conditions) {
      const leaves: LeafTrace[] = [];
      collectLeaves(rule.conditions, leaves);
      trace.leaves = leaves;
    }
    return trace;
  });
}

function collectLeaves(condition: ConditionExplanation, leaves: LeafTrace[]): void {
  if (condition.kind !== 'fact') {
    for (const child of condition.children) collectLeaves(child, leaves);
    return;
  }
  const leaf: LeafTrace = { factValue: condition.factValue };
  if (condition.result !== undefined) leaf.result = condition.result;
  if (condition.valueFact) leaf.valueFactValue = condition.valueFact.value;
  leaves.push(leaf);
}

/**
 * json-rules-engine's evaluated tree for a rule, rebuilt from its leaves: the same walk as
 * `explainConditions`, so that explaining it again gives the explanation the trace came from.
 */
export function evaluatedFromLeaves(
  definition: NestedCondition,
  leaves: Iterator<LeafTrace>,
  shared: Readonly<Record<string, TopLevelCondition>>,
): EvaluatedCondition {
  if ('condition' in definition) {
    const target = Object.hasOwn(shared, definition.condition) ? shared[definition.condition] : undefined;
    return target ? evaluatedFromLeaves(target, leaves, shared) : {};
  }
  if ('all' in definition) return { all: definition.all.map((child) => evaluatedFromLeaves(child, leaves, shared)) };
  if ('any' in definition) return { any: definition.any.map((child) => evaluatedFromLeaves(child, leaves, shared)) };
  if ('not' in definition) return { not: evaluatedFromLeaves(definition.not, leaves, shared) };
  const next = leaves.next();
  if (next.done) return {};
  const leaf = next.value;
  return {
    factResult: leaf.factValue,
    ...(leaf.result === undefined ? {} : { result: leaf.result }),
    ...('valueFactValue' in leaf ? { valueResult: leaf.valueFactValue } : {}),
  };
}
