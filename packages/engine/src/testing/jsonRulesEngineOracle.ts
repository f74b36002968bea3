// json-rules-engine 7.3.1 running rule sets as the product did before it compiled them: the
// reference the compiled evaluator is compared with (tests and benches only, never production).
import type { RuleProperties, RuleResult } from 'json-rules-engine';
import type { RuleExplanation } from '../explain/Explanation.js';
import type { EvaluatedCondition } from '../explain/explainConditions.js';
import { explainRule } from '../explain/explainRule.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import { addToOutcome, emptyOutcome } from '../outcome/buildOutcome.js';
import type { Evaluation, EvaluationContext } from '../policy/Evaluation.js';
import type { PolicyInput } from '../policy/compilePolicy.js';
import { policyCalendars, ruleSetCalendars, ruleSetFacts } from '../policy/ruleSetFacts.js';
import { collectFacts } from '../rules/collectFacts.js';
import { factCatalog } from '../rules/factCatalog.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import { compileRecordSchema } from '../validation/compileRecordSchema.js';
import { EnginePool } from './EnginePool.js';

/** The rules of a rule set file, as json-rules-engine takes them (switched-off rules left out). */
export type OracleRules = Pick<RuleSetFile, 'rules' | 'conditions'>;

export interface OracleRun {
  /** Names of the rules that fired, in the order json-rules-engine emitted their events. */
  events: string[];
  /** Each evaluated rule's result and evaluated condition tree, by rule name. */
  results: Map<string, { result: boolean; priority: number; conditions: EvaluatedCondition }>;
}

/** A pool of json-rules-engine Engines holding a rule set's enabled rules and shared conditions. */
export function oraclePool(ruleSet: OracleRules): EnginePool {
  const rules: RuleProperties[] = ruleSet.rules
    .filter((rule) => rule.enabled !== false)
    .map((rule) => ({ name: rule.name, priority: rule.priority ?? 1, conditions: rule.conditions, event: { type: rule.event.type } }));
  return new EnginePool(rules, ruleSet.conditions ?? {});
}

/** Runs json-rules-engine on fact values given beforehand (a fact not given is undefined). */
export async function runOracle(pool: EnginePool, facts: Readonly<Record<string, unknown>>): Promise<OracleRun> {
  const { results, failureResults, events } = await pool.run((engine) => engine.run({ ...facts }));
  const byName = new Map<string, { result: boolean; priority: number; conditions: EvaluatedCondition }>();
  for (const r of [...results, ...failureResults] as (RuleResult & { priority: number })[]) {
    byName.set(String(r.name), { result: r.result, priority: r.priority, conditions: r.conditions as unknown as EvaluatedCondition });
  }
  const eventNames = [...results].map((r) => String(r.name));
  if (eventNames.length !== events.length) throw new Error('json-rules-engine: events and results disagree');
  return { events: eventNames, results: byName };
}

/**
 * A policy evaluated the way the product did before compiling rules: every condition fact computed
 * beforehand, json-rules-engine's run, the explanation from its evaluated trees, the outcome of the
 * fired rules in file order. Same answer as `compilePolicy(input).evaluate`.
 */
export function oraclePolicy(input: PolicyInput): { evaluate(data: unknown, context: EvaluationContext): Promise<Evaluation> } {
  const compiled = compileRecordSchema(input.form.schema);
  if (!compiled.ok) throw new Error(compiled.message);
  const validate = compiled.validate;
  const calendars = policyCalendars(input.calendars);
  const initialStatus = input.form.statusFlow?.initial ?? null;
  const ruleSets = input.ruleSets.map(({ definition, version }) => {
    const names = new Set<string>();
    for (const condition of Object.values(definition.conditions ?? {})) collectFacts(condition, names);
    for (const rule of definition.rules) if (rule.enabled !== false) collectFacts(rule.conditions, names);
    return {
      definition,
      version,
      facts: factCatalog(input.form, definition),
      conditionFacts: [...names],
      pool: oraclePool(definition),
      calendars: ruleSetCalendars(definition, calendars),
    };
  });

  const evaluate = async (data: unknown, context: EvaluationContext): Promise<Evaluation> => {
    const now = new Date(context.now).getTime();
    if (Number.isNaN(now)) throw new RangeError('evaluation "now" is not a valid time');
    const validation = validate(data);
    const outcome = emptyOutcome();
    const explanation: RuleExplanation[] = [];
    const warnings: LocalizedText[] = [];
    for (const ruleSet of ruleSets) {
      const { definition, version } = ruleSet;
      const input = { data, now, status: context.status ?? initialStatus, history: context.history?.[definition.id] ?? {} };
      const { facts: recordFacts, calendarFor } = ruleSetFacts(definition, input, ruleSet.calendars);
      const lookup = recordFacts.lookup;
      const facts: Record<string, unknown> = {};
      for (const name of ruleSet.conditionFacts) facts[name] = lookup(name);
      const { results } = await runOracle(ruleSet.pool, facts);
      for (const rule of definition.rules) {
        const result = results.get(rule.name);
        const fired = result?.result === true;
        const source = { ruleSet: definition.id, version, rule: rule.name, catalog: rule.catalog ?? [] };
        if (fired) addToOutcome(outcome, rule.event, source, { lookup, now, calendar: calendarFor, warnings });
        explanation.push(explainRule(ruleSet, rule, fired, result?.conditions));
      }
    }
    return {
      form: { id: input.form.id, version: input.formVersion },
      ruleSets: ruleSets.map((r) => ({ id: r.definition.id, version: r.version })),
      evaluatedAt: new Date(now).toISOString(),
      valid: validation.valid,
      errors: validation.errors,
      outcome,
      explanation,
      warnings,
    };
  };
  return { evaluate };
}
