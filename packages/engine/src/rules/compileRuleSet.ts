import type { FormDefinition } from '../forms/FormDefinition.js';
import type { RuleDefinition, RuleSetFile } from './RuleSetFile.js';
import { checkShape, compileConditions, type CompiledConditions, type FactSlots, type LeafNumbers } from './compileConditions.js';
import { FactPlans } from '../facts/FactPlans.js';
import { factCatalog, type FactCatalog } from './factCatalog.js';
import { collectFacts } from './collectFacts.js';

/** An enabled rule, its conditions compiled. */
export interface CompiledRule {
  definition: RuleDefinition;
  /** Its index in the rule set's file. */
  index: number;
  /** json-rules-engine's priority of the rule (an integer, default 1). */
  priority: number;
  conditions: CompiledConditions;
}

/** A rule set ready to run: its enabled rules compiled, and the facts its conditions read. */
export interface CompiledRuleSet {
  definition: RuleSetFile;
  version: number;
  facts: FactCatalog;
  /** Fact names the conditions read. */
  conditionFacts: string[];
  /** The enabled rules in the order json-rules-engine runs them: priority high to low, then file order. */
  rules: CompiledRule[];
  /** The facts the rules' leaves read, by slot (of `ConditionRun.values`). */
  slots: ReadonlyMap<string, number>;
  slotCount: number;
  /** How many distinct literal leaves the rules have (`ConditionRun.found`). */
  leafCount: number;
  /** How an evaluation reads each fact, the leaves' ones at their slots. */
  plans: FactPlans;
}

export function compileRuleSet(definition: RuleSetFile, version: number, form: FormDefinition): CompiledRuleSet {
  const shared = definition.conditions ?? {};
  // json-rules-engine's Engine refuses a malformed shared condition even when no rule uses it.
  for (const condition of Object.values(shared)) checkShape(condition, true);
  const names = new Set<string>();
  for (const condition of Object.values(shared)) collectFacts(condition, names);
  const enabled = definition.rules.flatMap((rule, index) => (rule.enabled === false ? [] : [{ rule, index }]));
  for (const { rule } of enabled) checkShape(rule.conditions, true);
  for (const { rule } of enabled) collectFacts(rule.conditions, names);
  const slots: FactSlots = new Map();
  const leafNumbers: LeafNumbers = new Map();
  const rules = enabled.map(({ rule, index }) => ({
    definition: rule,
    index,
    priority: Number.parseInt(String(rule.priority || 1), 10),
    conditions: compileConditions(rule.conditions, shared, slots, leafNumbers),
  }));
  // A stable sort: rules of one priority keep their order in the file.
  rules.sort((a, b) => b.priority - a.priority);
  return {
    definition,
    version,
    facts: factCatalog(form, definition),
    conditionFacts: [...names],
    rules,
    slots,
    slotCount: slots.size,
    leafCount: leafNumbers.size,
    plans: new FactPlans(definition.facts ?? {}, slots),
  };
}
