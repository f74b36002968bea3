import type { LeafTrace, RuleTrace } from '../explain/ExplanationTrace.js';
import type { ConditionRun, FactSource, FactValueOf, FlatConditions, LeafDetail, PlainLeaf } from './compileConditions.js';
import type { CompiledRule, CompiledRuleSet } from './compileRuleSet.js';
import { INLINE, isNumberLike } from './compileOperator.js';
import { isFilled } from '../expr/evaluateExpr.js';

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
 * (priority high to low, then file order). Facts are read through `fact` (a function of the name, or
 * a `FactSource` such as `RecordFacts`, which reads them by slot), which computes each on first
 * use: a fact only conditions that are never reached read is never computed.
 */
export function runRuleSet(ruleSet: CompiledRuleSet, fact: FactValueOf | FactSource, options: RunOptions = {}): RuleRun[] {
  const rules = ruleSet.rules;
  // Made at its length (a list grown by push reserves room for more), filled in order.
  const runs = new Array<RuleRun>(rules.length);
  const values = options.values ?? new Array<unknown>(ruleSet.slotCount);
  // One run state for all the rules, each with leaves of its own.
  const facts = typeof fact === 'function' ? new FunctionFacts(fact) : fact;
  const run: ConditionRun = { facts, values, leaves: [], detail: undefined, found: new Array<LeafTrace | undefined>(ruleSet.leafCount) };
  const detail = options.detail === true;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    run.detail = detail ? { leaves: [], groups: [] } : undefined;
    const fired = evaluateRule(rule, run);
    const result: RuleRun = { rule, fired, leaves: run.leaves as LeafTrace[] };
    if (run.detail) result.detail = run.detail;
    runs[r] = result;
  }
  return runs;
}

/**
 * `runRuleSet` writing what `Policy.run` returns of each rule, its trace, straight into `trace` at
 * `at` + the rule's index in its file (no run objects in between); a switched-off rule's place is
 * left as it is.
 */
export function traceRuleSet(ruleSet: CompiledRuleSet, facts: FactSource, values: unknown[], trace: RuleTrace[], at: number): void {
  const rules = ruleSet.rules;
  const ruleSetId = ruleSet.definition.id;
  const run: ConditionRun = { facts, values, leaves: [], detail: undefined, found: new Array<LeafTrace | undefined>(ruleSet.leafCount) };
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const fired = evaluateRule(rule, run);
    trace[at + rule.index] = { ruleSet: ruleSetId, rule: rule.definition.name, fired, leaves: run.leaves as LeafTrace[] };
  }
}

/** Whether a rule fires; its leaves in `run.leaves`, every one of them (an unreached one without a result). */
function evaluateRule(rule: CompiledRule, run: ConditionRun): boolean {
  const { valueFacts, flat } = rule.conditions;
  if (flat !== undefined) return runFlat(flat, run);
  run.leaves = new Array<LeafTrace | undefined>(valueFacts.length);
  const fired = rule.conditions.evaluate(run) === true;
  const leaves = run.leaves;
  for (let i = 0; i < valueFacts.length; i++) {
    // Not reached (an earlier priority set decided): no result, as json-rules-engine leaves it.
    if (leaves[i] === undefined) leaves[i] = valueFacts[i] ? { factValue: null, valueFactValue: null } : { factValue: null };
  }
  return fired;
}

/** Facts read by name only, through a function. */
class FunctionFacts implements FactSource {
  constructor(private readonly read: FactValueOf) {}

  valueAt(_slot: number, name: string): unknown {
    return this.read(name);
  }
}

/**
 * A flat rule's conditions (`CompiledConditions.flat`): what its compiled tree does, as a loop.
 * Every leaf is evaluated (one priority set); each distinct comparison once per evaluation.
 */
function runFlat(flat: FlatConditions, run: ConditionRun): boolean {
  const plain = flat.leaves;
  const count = plain.length;
  // Made at its length (a list grown by push reserves room for more).
  const leaves = new Array<LeafTrace>(count);
  const { found, values, facts, detail } = run;
  let all = true;
  let some = false;
  for (let i = 0; i < count; i++) {
    const leafPlan = plain[i]!;
    const number = leafPlan.number;
    let leaf = found[number];
    if (leaf === undefined) {
      const slot = leafPlan.slot;
      const known = values[slot];
      const factValue = known !== undefined ? known : (values[slot] = facts.valueAt(slot, leafPlan.fact));
      leaf = found[number] = { factValue: factValue ?? null, result: compareLeaf(leafPlan, factValue) };
    }
    leaves[i] = leaf;
    if (leaf.result === true) some = true;
    else all = false;
    if (detail) detail.leaves[i] = { factResult: values[leafPlan.slot], valueResult: leafPlan.literal, result: leaf.result === true };
  }
  run.leaves = leaves;
  // An empty group holds, `any` too; a single leaf is its own result.
  const passes = count === 0 || (flat.any ? some : all);
  if (detail) detail.groups[0] = passes;
  return passes;
}

// Loose: the operands are compared with JavaScript's own operators, coercion included, as json-rules-engine does.
type Loose = number;

/**
 * A plain leaf's comparison: the usual operators in place (each exactly its `compileOperator`
 * comparison, without a call through a list of functions), any other through `compare`.
 */
function compareLeaf(leaf: PlainLeaf, a: unknown): boolean {
  const b = leaf.literal;
  switch (leaf.inline) {
    case INLINE.equal:
      return a === b;
    case INLINE.notEqual:
      return a !== b;
    case INLINE.greaterThan:
      return isNumberLike(a) && (a as Loose) > (b as Loose);
    case INLINE.greaterThanInclusive:
      return isNumberLike(a) && (a as Loose) >= (b as Loose);
    case INLINE.lessThan:
      return isNumberLike(a) && (a as Loose) < (b as Loose);
    case INLINE.lessThanInclusive:
      return isNumberLike(a) && (a as Loose) <= (b as Loose);
    case INLINE.isFilled:
      return isFilled(a);
    case INLINE.isEmpty:
      return !isFilled(a);
    case INLINE.in:
      return (b as { indexOf(item: unknown): number }).indexOf(a) > -1;
    case INLINE.notIn:
      return (b as { indexOf(item: unknown): number }).indexOf(a) === -1;
    default:
      return leaf.compare(a, b);
  }
}
