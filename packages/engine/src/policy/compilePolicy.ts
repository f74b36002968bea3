import type { CalendarFile } from '../calendar/CalendarFile.js';
import { formatInstant } from '../calendar/civilDay.js';
import { readOffsetInstant } from '../calendar/parseInstant.js';
import type { RuleExplanation } from '../explain/Explanation.js';
import { evaluatedFromLeaves, type LeafTrace, type RuleTrace } from '../explain/ExplanationTrace.js';
import { explainRule } from '../explain/explainRule.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import { addToOutcome, emptyOutcome, type OutcomeInputs } from '../outcome/buildOutcome.js';
import type { Outcome } from '../outcome/Outcome.js';
import { compileRuleSet, type CompiledRuleSet } from '../rules/compileRuleSet.js';
import { traceRuleSet } from '../rules/runRuleSet.js';
import type { HistoryFact, LinkedFact, RuleDefinition, RuleSetFile } from '../rules/RuleSetFile.js';
import { compileRecordSchema, type RecordValidation } from '../validation/compileRecordSchema.js';
import type { Evaluation, EvaluationContext } from './Evaluation.js';
import { policyCalendars, ruleSetCalendars, ruleSetFacts, type RuleSetCalendars, type RuleSetInput } from './ruleSetFacts.js';

export interface PolicyInput {
  form: FormDefinition;
  formVersion: number;
  ruleSets: readonly { definition: RuleSetFile; version: number }[];
  calendars: readonly CalendarFile[];
}

/** What the rules say about a record, without validation or explanation (the explanation is `Policy.explain(trace)`). */
export interface PolicyRun {
  evaluatedAt: string;
  outcome: Outcome;
  /** What a record stores of the explanation: whether each rule fired, and each condition leaf's values and result. */
  trace: RuleTrace[];
  warnings: LocalizedText[];
}

/** A form version with its rule sets, compiled once: validate and evaluate records. */
export interface Policy {
  form: FormDefinition;
  formVersion: number;
  validate(data: unknown): RecordValidation;
  evaluate(data: unknown, context: EvaluationContext): Promise<Evaluation>;
  /** `evaluate` without waiting: validation, outcome and explanation. */
  evaluateNow(data: unknown, context: EvaluationContext): Evaluation;
  /** The rules only, synchronously: facts, outcome and trace (for replaying many records). */
  run(data: unknown, context: EvaluationContext): PolicyRun;
  /** The explanation of an evaluation of this policy, rebuilt from its trace (`traceExplanation`). */
  explain(trace: readonly RuleTrace[]): RuleExplanation[];
  /** The values of the facts each rule set's conditions read, by rule set id (what the engine compares). */
  factValues(data: unknown, context: EvaluationContext): Record<string, Record<string, unknown>>;
  /** The history facts the caller must supply, per rule set. */
  historyFacts: { ruleSet: string; name: string; fact: HistoryFact }[];
  /** The linked facts the caller must supply (values of the records link fields name), per rule set. */
  linkedFacts: { ruleSet: string; name: string; fact: LinkedFact }[];
}

export class PolicyCompileError extends Error {
  readonly code = 'policy.schemaInvalid';
}

/**
 * Compiles a form version and its rule sets. The inputs must have passed `loadPack`; a record
 * schema that still does not compile throws a PolicyCompileError.
 *
 * Each rule set's conditions become synchronous functions (`compileRuleSet`) that run with
 * json-rules-engine's semantics; json-rules-engine itself is the reference the tests compare
 * them with (`@aftersales/engine/testing`).
 */
export function compilePolicy(input: PolicyInput): Policy {
  const compiled = compileRecordSchema(input.form.schema);
  if (!compiled.ok) throw new PolicyCompileError(compiled.message);
  const validate = compiled.validate;
  const calendars = policyCalendars(input.calendars);
  const ruleSets = input.ruleSets.map((r) => {
    const compiledRuleSet = compileRuleSet(r.definition, r.version, input.form);
    return Object.assign(compiledRuleSet, { calendars: ruleSetCalendars(r.definition, calendars) });
  });
  const initialStatus = input.form.statusFlow?.initial ?? null;
  const ruleSetIds = ruleSets.map((r) => ({ id: r.definition.id, version: r.version }));
  const ruleCount = ruleSets.reduce((count, r) => count + r.definition.rules.length, 0);

  const inputOf = (ruleSet: CompiledRuleSet, data: unknown, context: EvaluationContext, now: number): RuleSetInput => ({
    data,
    now,
    status: context.status ?? initialStatus,
    history: context.history?.[ruleSet.definition.id] ?? {},
  });

  /** Every rule's trace (in the files' order, rule set after rule set), and the outcome. */
  const runAll = (data: unknown, context: EvaluationContext, now: number) => {
    const outcome = emptyOutcome();
    const warnings: LocalizedText[] = [];
    // Made at its length (a list grown by push reserves room for more).
    const trace = new Array<RuleTrace>(ruleCount);
    let at = 0;
    for (const ruleSet of ruleSets) {
      runOne(ruleSet, inputOf(ruleSet, data, context, now), outcome, warnings, trace, at);
      at += ruleSet.definition.rules.length;
    }
    return { outcome, warnings, trace };
  };

  const run = (data: unknown, context: EvaluationContext): PolicyRun => {
    const now = instantOf(context.now);
    const { outcome, warnings, trace } = runAll(data, context, now);
    return { evaluatedAt: formatInstant(now), outcome, trace, warnings };
  };

  const evaluateNow = (data: unknown, context: EvaluationContext): Evaluation => {
    const now = instantOf(context.now);
    const validation = validate(data);
    const { outcome, warnings, trace } = runAll(data, context, now);
    const explanation: RuleExplanation[] = [];
    let at = 0;
    for (const ruleSet of ruleSets) {
      for (const rule of ruleSet.definition.rules) {
        const found = trace[at++]!;
        explanation.push(explainRun(ruleSet, rule, found.fired, found.leaves));
      }
    }
    return {
      form: { id: input.form.id, version: input.formVersion },
      ruleSets: ruleSetIds.map((r) => ({ ...r })),
      evaluatedAt: formatInstant(now),
      valid: validation.valid,
      errors: validation.errors,
      outcome,
      explanation,
      warnings,
    };
  };

  const historyFacts = ruleSets.flatMap((r) =>
    Object.entries(r.definition.facts ?? {}).flatMap(([name, fact]) =>
      fact.kind === 'history' ? [{ ruleSet: r.definition.id, name, fact }] : [],
    ),
  );
  const linkedFacts = ruleSets.flatMap((r) =>
    Object.entries(r.definition.facts ?? {}).flatMap(([name, fact]) =>
      fact.kind === 'linked' ? [{ ruleSet: r.definition.id, name, fact }] : [],
    ),
  );
  const factValues = (data: unknown, context: EvaluationContext) => {
    const now = instantOf(context.now);
    return Object.fromEntries(
      ruleSets.map((r) => {
        const { facts } = ruleSetFacts(r.definition, inputOf(r, data, context, now), r.calendars);
        return [r.definition.id, Object.fromEntries(r.conditionFacts.map((name) => [name, facts.value(name)]))];
      }),
    );
  };
  const explain = (trace: readonly RuleTrace[]): RuleExplanation[] => {
    const traces = new Map(trace.map((t) => [`${t.ruleSet}/${t.rule}`, t]));
    return ruleSets.flatMap((ruleSet) =>
      ruleSet.definition.rules.map((rule) => {
        const found = traces.get(`${ruleSet.definition.id}/${rule.name}`);
        return explainRun(ruleSet, rule, found?.fired === true, found?.leaves);
      }),
    );
  };
  return {
    form: input.form,
    formVersion: input.formVersion,
    validate,
    evaluate: async (data, context) => evaluateNow(data, context),
    evaluateNow,
    run,
    explain,
    factValues,
    historyFacts,
    linkedFacts,
  };
}

/** `new Date(value)`'s time (epoch ms), the usual ISO text read without a `Date`; a RangeError when it is no valid time. */
function instantOf(value: Date | string): number {
  const now = (typeof value === 'string' ? readOffsetInstant(value) : undefined) ?? new Date(value).getTime();
  if (Number.isNaN(now)) throw new RangeError('evaluation "now" is not a valid time');
  return now;
}

/**
 * Runs one rule set's rules, writes their traces at `at` + their index in the file (a switched-off
 * rule's: not fired, no leaves), and adds what the fired ones say to the outcome, in file order.
 */
function runOne(
  ruleSet: CompiledRuleSet & { calendars: RuleSetCalendars },
  input: RuleSetInput,
  outcome: Outcome,
  warnings: LocalizedText[],
  trace: RuleTrace[],
  at: number,
): void {
  const { definition, version } = ruleSet;
  const { values, facts, calendarFor } = ruleSetFacts(definition, input, ruleSet.calendars, ruleSet.plans);
  traceRuleSet(ruleSet, facts, values, trace, at);
  const rules = definition.rules;
  let outcomeInputs: OutcomeInputs | undefined;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const found = trace[at + i];
    if (found === undefined) {
      trace[at + i] = { ruleSet: definition.id, rule: rule.name, fired: false };
      continue;
    }
    if (!found.fired) continue;
    outcomeInputs ??= {
      lookup: facts.lookup,
      instants: facts,
      now: input.now,
      calendar: calendarFor,
      warnings,
      exprEnv: ruleSet.calendars.exprEnv,
    };
    addToOutcome(outcome, rule.event, { ruleSet: definition.id, version, rule: rule.name, catalog: rule.catalog ?? [] }, outcomeInputs);
  }
}

/** A rule's explanation from its leaves; no leaves: the rule did not run. */
function explainRun(
  ruleSet: CompiledRuleSet,
  rule: RuleDefinition,
  fired: boolean,
  leaves: readonly LeafTrace[] | undefined,
): RuleExplanation {
  const evaluated = leaves ? evaluatedFromLeaves(rule.conditions, leaves.values(), ruleSet.definition.conditions ?? {}) : undefined;
  return explainRule(ruleSet, rule, fired, evaluated);
}
