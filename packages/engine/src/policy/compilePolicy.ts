import type { CalendarFile } from '../calendar/CalendarFile.js';
import { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { explainConditions, type EvaluatedCondition } from '../explain/explainConditions.js';
import type { RuleExplanation } from '../explain/Explanation.js';
import { evaluatedFromLeaves, type RuleTrace } from '../explain/ExplanationTrace.js';
import { createFactLookup } from '../facts/createFactLookup.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import { addToOutcome, emptyOutcome } from '../outcome/buildOutcome.js';
import type { Outcome } from '../outcome/Outcome.js';
import { compileRuleSet, type CompiledRuleSet } from '../rules/compileRuleSet.js';
import type { HistoryFact, RuleDefinition, RuleSetFile } from '../rules/RuleSetFile.js';
import { compileRecordSchema, type RecordValidation } from '../validation/compileRecordSchema.js';
import type { Evaluation, EvaluationContext } from './Evaluation.js';

export interface PolicyInput {
  form: FormDefinition;
  formVersion: number;
  ruleSets: readonly { definition: RuleSetFile; version: number }[];
  calendars: readonly CalendarFile[];
}

/** A form version with its rule sets, compiled once: validate and evaluate records. */
export interface Policy {
  form: FormDefinition;
  formVersion: number;
  validate(data: unknown): RecordValidation;
  evaluate(data: unknown, context: EvaluationContext): Promise<Evaluation>;
  /** The explanation of an evaluation of this policy, rebuilt from its trace (`traceExplanation`). */
  explain(trace: readonly RuleTrace[]): RuleExplanation[];
  /** The values of the facts each rule set's conditions read, by rule set id (what the engine compares). */
  factValues(data: unknown, context: EvaluationContext): Record<string, Record<string, unknown>>;
  /** The history facts the caller must supply, per rule set. */
  historyFacts: { ruleSet: string; name: string; fact: HistoryFact }[];
}

/** The zone and hours used when a rule set names no calendar: round the clock in Asia/Shanghai. */
const FALLBACK_CALENDAR: CalendarFile = {
  id: 'round-the-clock',
  title: { 'zh-CN': '全天候', en: 'Round the clock' },
  timeZone: 'Asia/Shanghai',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
};

export class PolicyCompileError extends Error {
  readonly code = 'policy.schemaInvalid';
}

/**
 * Compiles a form version and its rule sets. The inputs must have passed `loadPack`; a record
 * schema that still does not compile throws a PolicyCompileError.
 */
export function compilePolicy(input: PolicyInput): Policy {
  const compiled = compileRecordSchema(input.form.schema);
  if (!compiled.ok) throw new PolicyCompileError(compiled.message);
  const validate = compiled.validate;
  const calendars = new Map<string, WorkingCalendar>();
  for (const file of [FALLBACK_CALENDAR, ...input.calendars]) calendars.set(file.id, WorkingCalendar.fromFile(file));
  const ruleSets = input.ruleSets.map((r) => compileRuleSet(r.definition, r.version, input.form));
  const initialStatus = input.form.statusFlow?.initial ?? null;

  const runInput = (ruleSet: CompiledRuleSet, data: unknown, context: EvaluationContext, now: Date): RunInput => ({
    data,
    now,
    status: context.status ?? initialStatus,
    history: context.history?.[ruleSet.definition.id] ?? {},
  });

  const evaluate = async (data: unknown, context: EvaluationContext): Promise<Evaluation> => {
    const now = instantOf(context.now);
    const validation = validate(data);
    const outcome = emptyOutcome();
    const explanation: RuleExplanation[] = [];
    const warnings: LocalizedText[] = [];
    for (const ruleSet of ruleSets) {
      await runRuleSet(
        ruleSet,
        { data, now, status: context.status ?? initialStatus, history: context.history?.[ruleSet.definition.id] ?? {} },
        {
          calendars,
          outcome,
          explanation,
          warnings,
        },
      );
    }
    return {
      form: { id: input.form.id, version: input.formVersion },
      ruleSets: ruleSets.map((r) => ({ id: r.definition.id, version: r.version })),
      evaluatedAt: now.toISOString(),
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
  const factValues = (data: unknown, context: EvaluationContext) => {
    const now = instantOf(context.now);
    return Object.fromEntries(
      ruleSets.map((r) => [r.definition.id, conditionFactValues(r, runInput(r, data, context, now), calendars).facts]),
    );
  };
  const explain = (trace: readonly RuleTrace[]): RuleExplanation[] => {
    const traces = new Map(trace.map((t) => [`${t.ruleSet}/${t.rule}`, t]));
    return ruleSets.flatMap((ruleSet) =>
      ruleSet.definition.rules.map((rule) => {
        const found = traces.get(`${ruleSet.definition.id}/${rule.name}`);
        const evaluated = found?.leaves
          ? evaluatedFromLeaves(rule.conditions, found.leaves.values(), ruleSet.definition.conditions ?? {})
          : undefined;
        return explainRule(ruleSet, rule, found?.fired === true, evaluated);
      }),
    );
  };
  return { form: input.form, formVersion: input.formVersion, validate, evaluate, explain, factValues, historyFacts };
}

function instantOf(value: Date | string): Date {
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new RangeError('evaluation "now" is not a valid time');
  return now;
}

interface RunInput {
  data: unknown;
  now: Date;
  status: string | null;
  history: Readonly<Record<string, unknown>>;
}

interface RunOutput {
  calendars: ReadonlyMap<string, WorkingCalendar>;
  outcome: Outcome;
  explanation: RuleExplanation[];
  warnings: LocalizedText[];
}

/** The fact lookup of one evaluation of a rule set, and the values its conditions read. */
function conditionFactValues(ruleSet: CompiledRuleSet, input: RunInput, calendars: ReadonlyMap<string, WorkingCalendar>) {
  const { definition } = ruleSet;
  const calendarFor = (id: string | undefined) => {
    const key = id ?? definition.calendar ?? FALLBACK_CALENDAR.id;
    return { id: key, calendar: calendars.get(key) ?? calendars.get(FALLBACK_CALENDAR.id)! };
  };
  const lookup = createFactLookup({
    data: input.data,
    now: input.now,
    status: input.status,
    history: input.history,
    derived: definition.facts ?? {},
    calendar: (id) => calendarFor(id).calendar,
    timeZone: calendarFor(undefined).calendar.timeZone,
  });
  const facts: Record<string, unknown> = {};
  for (const name of ruleSet.conditionFacts) facts[name] = lookup(name);
  return { lookup, calendarFor, facts };
}

async function runRuleSet(ruleSet: CompiledRuleSet, input: RunInput, output: RunOutput): Promise<void> {
  const { definition, version } = ruleSet;
  const { lookup, calendarFor, facts } = conditionFactValues(ruleSet, input, output.calendars);

  const { results, failureResults } = await ruleSet.pool.run((engine) => engine.run(facts));
  const evaluated = new Map([...results, ...failureResults].map((r) => [r.name, r]));
  for (const rule of definition.rules) {
    const result = evaluated.get(rule.name);
    const fired = result?.result === true;
    const source = { ruleSet: definition.id, version, rule: rule.name, catalog: rule.catalog ?? [] };
    if (fired)
      addToOutcome(output.outcome, rule.event, source, {
        lookup,
        now: input.now,
        calendar: calendarFor,
        warn: (m) => output.warnings.push(m),
      });
    output.explanation.push(explainRule(ruleSet, rule, fired, result?.conditions as EvaluatedCondition | undefined));
  }
}

/** Why one rule did or did not apply; `evaluated` is json-rules-engine's tree, absent when the rule did not run. */
function explainRule(
  ruleSet: CompiledRuleSet,
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
    conditions: evaluated ? explainConditions(rule.conditions, evaluated, ruleSet.facts, ruleSet.definition.conditions ?? {}) : undefined,
  };
}
