import type { LeafTrace } from '../explain/ExplanationTrace.js';
import type { ConditionRun, FactValueOf, LeafDetail } from './compileConditions.js';
import type { CompiledRule, CompiledRuleSet } from './compileRuleSet.js';

/** One rule's evaluation: whether it fired, and each leaf of its condition tree (a trace's leaves). */
export interface RuleRun {
  rule: CompiledRule;
  fired: boolean;
  leaves: LeafTrace[];
  /** Only with `detail`: what each evaluated leaf and group found, by index (tests compare it with json-rules-engine). */
  detail?: { leaves: (LeafDetail | undefined)[]; groups: (boolean | undefined)[] };
}

export interface RunOptions {
  /** Record what each leaf and group found (tests compare it with json-rules-engine). */
  detail?: boolean;
  /**
   * The fact values known so far, by the rule set's slots (`CompiledRuleSet.slots`), shared with
   * whatever computes them (`RecordFacts`); undefined: not known yet. Default: a new array.
   */
  values?: unknown[];
}

/**
 * Evaluates every enabled rule of a compiled rule set, synchronously, in json-rules-engine's order
 * (priority high to low, then file order). Facts are read through `fact`, which computes each on
 * first use: a fact only conditions that are never reached read is never computed.
 */
export function runRuleSet(ruleSet: CompiledRuleSet, fact: FactValueOf, options: RunOptions = {}): RuleRun[] {
  const runs: RuleRun[] = [];
  const values = options.values ?? new Array<unknown>(ruleSet.slotCount);
  // One run state for all the rules, each with leaves of its own.
  const run: ConditionRun = { fact, values, leaves: [], detail: undefined, found: new Array<LeafTrace | undefined>(ruleSet.leafCount) };
  for (const rule of ruleSet.rules) {
    const { valueFacts } = rule.conditions;
    run.leaves = new Array<LeafTrace | undefined>(valueFacts.length);
    run.detail = options.detail ? { leaves: [], groups: [] } : undefined;
    const fired = rule.conditions.evaluate(run) === true;
    const leaves = run.leaves;
    for (let i = 0; i < valueFacts.length; i++) {
      // Not reached (an earlier priority set decided): no result, as json-rules-engine leaves it.
      if (leaves[i] === undefined) leaves[i] = valueFacts[i] ? { factValue: null, valueFactValue: null } : { factValue: null };
    }
    const result: RuleRun = { rule, fired, leaves: leaves as LeafTrace[] };
    if (run.detail) result.detail = run.detail;
    runs.push(result);
  }
  return runs;
}
