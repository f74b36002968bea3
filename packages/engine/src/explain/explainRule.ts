import type { RuleDefinition, RuleSetFile } from '../rules/RuleSetFile.js';
import type { FactCatalog } from '../rules/factCatalog.js';
import type { RuleExplanation } from './Explanation.js';
import { explainConditions, type EvaluatedCondition } from './explainConditions.js';

/** The rule set a rule is explained in: its file, version, and what its facts mean. */
export interface ExplainedRuleSet {
  definition: RuleSetFile;
  version: number;
  facts: FactCatalog;
}

/** Why one rule did or did not apply; `evaluated` is the evaluated condition tree, absent when the rule did not run. */
export function explainRule(
  ruleSet: ExplainedRuleSet,
  rule: RuleDefinition,
  fired: boolean,
  evaluated: EvaluatedCondition | undefined,
): RuleExplanation {
  // Plain properties, no spread: this runs for every rule of every evaluation, and spread
  // objects that grow afterwards are markedly slower in V8.
  return {
    ruleSet: ruleSet.definition.id,
    version: ruleSet.version,
    rule: rule.name,
    catalog: rule.catalog ?? [],
    title: rule.title,
    enabled: rule.enabled !== false,
    fired,
    conditions: evaluated
      ? explainConditions(
          rule.conditions,
          evaluated,
          ruleSet.facts,
          ruleSet.definition.conditions ?? {},
          ruleSet.definition.conditionTitles ?? {},
        )
      : undefined,
  };
}
