// Loads the default policy pack once and evaluates records against it, for the scenario tests.
import { isDeepStrictEqual } from 'node:util';
import {
  compilePolicy,
  loadPack,
  traceExplanation,
  type Evaluation,
  type EvaluationContext,
  type Pack,
  type Policy,
  type PolicyInput,
} from '@aftersales/engine';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import { oraclePolicy } from '@aftersales/engine/testing';
import { decodeEvaluation, encodeEvaluation } from '@aftersales/server';

const files = await readPackFiles(defaultPackDirs());
const loaded = loadPack(files);

export const packProblems = loaded.problems;
export const pack: Pack = loaded.pack;

const policies = new Map<string, Policy>();
const oracles = new Map<string, ReturnType<typeof oraclePolicy>>();

/** A form of the default pack with every rule set of it, as `compilePolicy` takes it. */
export function policyInput(formId: string): PolicyInput {
  const form = pack.forms.get(formId);
  if (!form) throw new Error(`form ${formId} is not in the default pack (problems: ${packProblems.length})`);
  return {
    form: form.definition,
    formVersion: 1,
    ruleSets: [...pack.ruleSets.values()]
      .filter((r) => r.definition.form === formId)
      .map((r) => ({ definition: r.definition, version: 1 })),
    calendars: [...pack.calendars.values()].map((c) => c.definition),
  };
}

/** The compiled policy of a form of the default pack: the form with every rule set of it. */
export function policyFor(formId: string): Policy {
  const cached = policies.get(formId);
  if (cached) return cached;
  const policy = compilePolicy(policyInput(formId));
  policies.set(formId, policy);
  return policy;
}

/** The same policy run by json-rules-engine, the reference the compiled rules must match. */
export function oracleFor(formId: string): ReturnType<typeof oraclePolicy> {
  const cached = oracles.get(formId);
  if (cached) return cached;
  const oracle = oraclePolicy(policyInput(formId));
  oracles.set(formId, oracle);
  return oracle;
}

/** What the compiled rules and json-rules-engine must agree on: outcome, warnings, the stored trace and the explanation. */
export async function compareWithOracle(
  formId: string,
  record: unknown,
  context: EvaluationContext,
  evaluation?: Evaluation,
): Promise<string[]> {
  const compiled = evaluation ?? (await policyFor(formId).evaluate(record, context));
  const reference = await oracleFor(formId).evaluate(record, context);
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const differences: string[] = [];
  if (!isDeepStrictEqual(json(compiled.outcome), json(reference.outcome))) differences.push('outcome');
  if (!isDeepStrictEqual(compiled.warnings, reference.warnings)) differences.push('warnings');
  if (!isDeepStrictEqual(json(traceExplanation(compiled.explanation)), json(traceExplanation(reference.explanation))))
    differences.push('trace');
  if (!isDeepStrictEqual(json(compiled.explanation), json(reference.explanation))) differences.push('explanation');
  const policyTrace = policyFor(formId).run(record, context).trace;
  if (!isDeepStrictEqual(json(policyTrace), json(traceExplanation(reference.explanation)))) differences.push('Policy.run trace');
  return differences;
}

/**
 * Evaluates a record; fails the test when the record itself is not valid for its form, when the
 * trace a server would store does not rebuild the same explanation, or when json-rules-engine (the
 * reference) finds another outcome, trace or explanation.
 */
export async function evaluate(formId: string, record: Record<string, unknown>, context: EvaluationContext): Promise<Evaluation> {
  const policy = policyFor(formId);
  const evaluation = await policy.evaluate(record, context);
  if (!evaluation.valid) {
    throw new Error(`sample ${formId} record is invalid: ${evaluation.errors.map((e) => `${e.pointer} ${e.message.en}`).join('; ')}`);
  }
  // Stored as a server stores it (the evaluation with its trace, deflated), then read back.
  const { explanation, ...rest } = evaluation;
  const bytes = encodeEvaluation({ ...rest, trace: traceExplanation(explanation) });
  storedSizes.set(formId, [...(storedSizes.get(formId) ?? []), bytes.length]);
  const stored = decodeEvaluation(bytes);
  if (!isDeepStrictEqual(policy.explain(stored.trace ?? []), JSON.parse(JSON.stringify(explanation)))) {
    throw new Error(`the stored trace of this ${formId} record does not rebuild its explanation`);
  }
  if (!isDeepStrictEqual(stored, JSON.parse(JSON.stringify({ ...rest, trace: traceExplanation(explanation) })))) {
    throw new Error(`the stored evaluation of this ${formId} record does not read back as written`);
  }
  const differences = await compareWithOracle(formId, record, context, evaluation);
  if (differences.length > 0) throw new Error(`${formId}: json-rules-engine disagrees on ${differences.join(', ')}`);
  return evaluation;
}

/** Bytes each evaluated record's stored evaluation takes, by form (the scenario tests of a form add to it). */
export const storedSizes = new Map<string, number[]>();

/** Names of the rules that fired. */
export const fired = (evaluation: Evaluation): string[] => evaluation.explanation.filter((r) => r.fired).map((r) => r.rule);

/** The outcomes that came from rules implementing a catalog id. */
export function outcomesOf(evaluation: Evaluation, catalogId: string) {
  const mine = <T extends { source: { catalog: string[] } }>(list: T[]) => list.filter((o) => o.source.catalog.includes(catalogId));
  const { outcome } = evaluation;
  return {
    deadlines: mine(outcome.deadlines),
    fines: mine(outcome.fines),
    approvals: mine(outcome.approvals),
    amounts: mine(outcome.amounts),
    blocks: mine(outcome.blocks),
    notices: mine(outcome.notices),
  };
}

/** How many outcomes of any type came from rules implementing a catalog id. */
export function countOf(evaluation: Evaluation, catalogId: string): number {
  return Object.values(outcomesOf(evaluation, catalogId)).reduce((sum, list) => sum + list.length, 0);
}
