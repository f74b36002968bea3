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
} from '@aftersales/engine';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import { decodeEvaluation, encodeEvaluation } from '@aftersales/server';

const files = await readPackFiles(defaultPackDirs());
const loaded = loadPack(files);

export const packProblems = loaded.problems;
export const pack: Pack = loaded.pack;

const policies = new Map<string, Policy>();

/** The compiled policy of a form of the default pack: the form with every rule set of it. */
export function policyFor(formId: string): Policy {
  const cached = policies.get(formId);
  if (cached) return cached;
  const form = pack.forms.get(formId);
  if (!form) throw new Error(`form ${formId} is not in the default pack (problems: ${packProblems.length})`);
  const policy = compilePolicy({
    form: form.definition,
    formVersion: 1,
    ruleSets: [...pack.ruleSets.values()]
      .filter((r) => r.definition.form === formId)
      .map((r) => ({ definition: r.definition, version: 1 })),
    calendars: [...pack.calendars.values()].map((c) => c.definition),
  });
  policies.set(formId, policy);
  return policy;
}

/**
 * Evaluates a record; fails the test when the record itself is not valid for its form, or when the
 * trace a server would store does not rebuild the same explanation.
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
