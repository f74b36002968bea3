import type { RuleProperties } from 'json-rules-engine';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { RuleSetFile } from './RuleSetFile.js';
import { EnginePool } from './EnginePool.js';
import { factCatalog, type FactCatalog } from './factCatalog.js';
import { collectFacts } from './collectFacts.js';

/** A rule set ready to run: its rules in an engine pool, and the facts its conditions read. */
export interface CompiledRuleSet {
  definition: RuleSetFile;
  version: number;
  facts: FactCatalog;
  /** Fact names the conditions read; only these are computed for the engine. */
  conditionFacts: string[];
  pool: EnginePool;
}

export function compileRuleSet(definition: RuleSetFile, version: number, form: FormDefinition): CompiledRuleSet {
  const shared = definition.conditions ?? {};
  const names = new Set<string>();
  for (const condition of Object.values(shared)) collectFacts(condition, names);
  const enabled = definition.rules.filter((rule) => rule.enabled !== false);
  for (const rule of enabled) collectFacts(rule.conditions, names);
  const rules: RuleProperties[] = enabled.map((rule) => ({
    name: rule.name,
    priority: rule.priority ?? 1,
    conditions: rule.conditions,
    event: { type: rule.event.type },
  }));
  return {
    definition,
    version,
    facts: factCatalog(form, definition),
    conditionFacts: [...names],
    pool: new EnginePool(rules, shared),
  };
}
