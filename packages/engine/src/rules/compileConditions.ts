import type { LeafTrace } from '../explain/ExplanationTrace.js';
import { resolveJsonPath, isPlainJsonPath } from '../facts/resolveJsonPath.js';
import { asFactReference } from './checkConditionTree.js';
import { compileOperator, inlineCode } from './compileOperator.js';
import type { FactCondition, NestedCondition, TopLevelCondition } from './RuleSetFile.js';

/** The value of a fact for one evaluation (computed on first use). */
export type FactValueOf = (name: string) => unknown;

/** What a leaf found, as json-rules-engine reports it on its condition (tests compare the two). */
export interface LeafDetail {
  factResult: unknown;
  valueResult: unknown;
  result: boolean;
}

/** Where an evaluation reads its facts: by name, and by the slot the rule set's leaves know the fact at (`FactSlots`). */
export interface FactSource {
  valueAt(slot: number, name: string): unknown;
}

/** The state of one rule's evaluation: where its leaves write what they found. */
export interface ConditionRun {
  facts: FactSource;
  /**
   * The facts read so far in this evaluation, by slot (see `FactSlots`; undefined: not read yet):
   * each fact is asked of `fact` once, however many leaves read it.
   */
  values: unknown[];
  /** By leaf index (the order of the rule's condition tree, shared conditions expanded in place). */
  leaves: (LeafTrace | undefined)[];
  /** Only when asked for (tests): the raw values of each evaluated leaf, and each evaluated group's result, by index. */
  detail: { leaves: (LeafDetail | undefined)[]; groups: (boolean | undefined)[] } | undefined;
  /**
   * What each distinct literal leaf of the rule set found in this evaluation, by its number
   * (`LeafNumbers`; undefined: not evaluated yet): the same comparison written in several rules
   * (a fact against the same value) is made once per evaluation, and its trace leaf shared.
   */
  found: (LeafTrace | undefined)[];
}

type Node = (run: ConditionRun) => boolean;

/** A rule's conditions as one synchronous function, and what its trace needs to know about its leaves. */
export interface CompiledConditions {
  evaluate: Node;
  /** Per leaf: whether its value is another fact (its trace then carries that fact's value). */
  valueFacts: boolean[];
  groupCount: number;
  /**
   * The conditions of most rules, an `all` or `any` of the usual leaves (a fact's own value against
   * a literal) of one priority, as a list that `runRuleSet` walks without a call per leaf; undefined
   * for any other tree (then `evaluate`).
   */
  flat: FlatConditions | undefined;
}

/** A root `all`/`any` of plain leaves of one priority: every leaf is evaluated, in order (json-rules-engine's one priority set). */
export interface FlatConditions {
  any: boolean;
  leaves: readonly PlainLeaf[];
}

/** A leaf comparing a fact's own value (no path) with a literal, by its distinct-leaf number and fact slot. */
export interface PlainLeaf {
  fact: string;
  slot: number;
  /** Its number among the rule set's distinct literal leaves (`ConditionRun.found`). */
  number: number;
  compare: (factValue: unknown, value: unknown) => boolean;
  /** The operator's in-place code (`INLINE`; `INLINE.OTHER`: call `compare`). */
  inline: number;
  literal: unknown;
}

/** A condition tree json-rules-engine would refuse too (its Engine throws when given it), or a cycle of shared conditions. */
export class ConditionCompileError extends Error {
  readonly code = 'rules.conditionInvalid';
}

/** A slot number per fact name, shared by the rules of a rule set (so a rule set run reads each fact once). */
export type FactSlots = Map<string, number>;

/** A number per distinct literal leaf (fact, operator and value), shared by the rules of a rule set (`ConditionRun.found`). */
export type LeafNumbers = Map<string, number>;

interface Context {
  shared: Readonly<Record<string, TopLevelCondition>>;
  slots: FactSlots;
  leafNumbers: LeafNumbers;
  valueFacts: boolean[];
  groupCount: number;
  /** Shared conditions being expanded (a cycle would never end). */
  expanding: string[];
  /** The plain leaves by leaf index (undefined: another kind of leaf). */
  plain: (PlainLeaf | undefined)[];
}

/**
 * Compiles a rule's condition tree with json-rules-engine 7.3.1's semantics:
 * - `all`/`any` group their children by priority (a child's own `priority`, default 1) and run the
 *   groups from the highest priority down; every condition of a group is evaluated (the engine runs
 *   them in parallel), and the next group only when the result is not yet decided (`all`: all true
 *   so far, `any`: none true so far). An empty `all` or `any` holds; a single child is its result.
 * - `not` inverts its child; `{ condition }` evaluates the shared condition in its place (an
 *   unknown name throws when reached, as the engine does).
 * - a leaf reads its fact (then `path`, only into an object or array value, else the value itself),
 *   its value (`{ fact, path? }` reads another fact; a `fact` that is not a name is `undefined`), and
 *   compares them with the operator and its decorators.
 */
export function compileConditions(
  conditions: TopLevelCondition,
  shared: Readonly<Record<string, TopLevelCondition>>,
  slots: FactSlots = new Map(),
  leafNumbers: LeafNumbers = new Map(),
): CompiledConditions {
  checkShape(conditions, true);
  const context: Context = { shared, slots, leafNumbers, valueFacts: [], groupCount: 0, expanding: [], plain: [] };
  const evaluate = compileNode(conditions, context);
  return { evaluate, valueFacts: context.valueFacts, groupCount: context.groupCount, flat: flatOf(conditions, context) };
}

/** The flat form of a root `all`/`any` whose children are plain leaves of one priority (see `CompiledConditions.flat`). */
function flatOf(conditions: TopLevelCondition, context: Context): FlatConditions | undefined {
  const any = has(conditions, 'any');
  if (!any && !has(conditions, 'all')) return undefined;
  const children = (conditions as unknown as Record<string, unknown>)[any ? 'any' : 'all'] as NestedCondition[];
  // The root group's children are the tree's first leaves, so leaf i is child i.
  if (context.plain.length !== children.length) return undefined;
  const leaves: PlainLeaf[] = [];
  for (let i = 0; i < children.length; i++) {
    const leaf = context.plain[i];
    const child = children[i]!;
    if (leaf === undefined || !isLeaf(child) || priorityOf(child) !== priorityOf(children[0]!)) return undefined;
    leaves.push(leaf);
  }
  return { any, leaves };
}

const isLeaf = (condition: NestedCondition) =>
  !has(condition, 'condition') && !has(condition, 'any') && !has(condition, 'all') && !has(condition, 'not');

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * What json-rules-engine's Condition constructor refuses: a root that is no group or reference,
 * an `all`/`any` that is not a list, a `not` that is one, a leaf without fact, operator or value.
 */
export function checkShape(condition: unknown, root = false): void {
  const fail = (message: string) => {
    throw new ConditionCompileError(message);
  };
  if (condition === null || typeof condition !== 'object') return fail('a condition must be an object');
  const kind = (['any', 'all', 'not'] as const).find((k) => has(condition, k));
  if (root && !kind && !has(condition, 'condition'))
    fail('"conditions" root must contain a single instance of "all", "any", "not", or "condition"');
  if (kind) {
    const children = (condition as Record<string, unknown>)[kind];
    if (kind !== 'not' && !Array.isArray(children)) fail(`"${kind}" must be an array`);
    if (kind === 'not' && Array.isArray(children)) fail('"not" cannot be an array');
    for (const child of kind === 'not' ? [children] : (children as unknown[])) checkShape(child);
    return;
  }
  if (has(condition, 'condition')) return;
  for (const key of ['fact', 'operator', 'value']) if (!has(condition, key)) fail(`Condition: constructor "${key}" property required`);
}

function compileNode(condition: NestedCondition, context: Context): Node {
  if (has(condition, 'condition')) return compileReference((condition as { condition: string }).condition, context);
  if (has(condition, 'any')) return compileGroup('any', (condition as { any: NestedCondition[] }).any, context);
  if (has(condition, 'all')) return compileGroup('all', (condition as { all: NestedCondition[] }).all, context);
  if (has(condition, 'not')) return compileNot((condition as { not: NestedCondition }).not, context);
  return compileLeaf(condition as FactCondition, context);
}

function compileReference(name: string, context: Context): Node {
  const target = has(context.shared, name) ? context.shared[name] : undefined;
  if (!target) {
    return () => {
      throw new Error(`No condition ${name} exists`);
    };
  }
  if (context.expanding.includes(name)) throw new ConditionCompileError(`shared condition "${name}" refers back to itself`);
  context.expanding.push(name);
  const node = compileNode(target, context);
  context.expanding.pop();
  return node;
}

/** json-rules-engine's priority of a child when its parent orders them (groups always have one, default 1). */
function priorityOf(condition: NestedCondition): number {
  const priority = (condition as { priority?: unknown }).priority;
  const isGroup = has(condition, 'any') || has(condition, 'all') || has(condition, 'not');
  if (isGroup) return Number.parseInt(String(priority), 10) || 1;
  return Number(priority) || 1;
}

function compileGroup(kind: 'all' | 'any', children: readonly NestedCondition[], context: Context): Node {
  const group = context.groupCount++;
  const record = (run: ConditionRun, passes: boolean) => {
    if (run.detail) run.detail.groups[group] = passes;
    return passes;
  };
  if (children.length === 0) return (run) => record(run, true);
  if (children.length === 1) {
    const only = compileNode(children[0]!, context);
    return (run) => record(run, only(run) === true);
  }
  // Children in tree order (leaf indexes follow the tree), then grouped by priority, highest first.
  const compiled = children.map((child) => ({ node: compileNode(child, context), priority: priorityOf(child) }));
  const priorities = [...new Set(compiled.map((c) => c.priority))].sort((a, b) => b - a);
  const sets = priorities.map((p) => compiled.filter((c) => c.priority === p).map((c) => c.node));
  if (sets.length === 1) {
    const set = sets[0]!;
    return kind === 'all' ? (run) => record(run, every(set, run)) : (run) => record(run, some(set, run));
  }
  if (kind === 'all') {
    return (run) => {
      for (const set of sets) if (!every(set, run)) return record(run, false);
      return record(run, true);
    };
  }
  return (run) => {
    for (const set of sets) if (some(set, run)) return record(run, true);
    return record(run, false);
  };
}

/** Every condition of a priority set is evaluated; then: did all hold? */
function every(set: readonly Node[], run: ConditionRun): boolean {
  let passes = true;
  for (let i = 0; i < set.length; i++) if (set[i]!(run) !== true) passes = false;
  return passes;
}

/** Every condition of a priority set is evaluated; then: did one hold? */
function some(set: readonly Node[], run: ConditionRun): boolean {
  let passes = false;
  for (let i = 0; i < set.length; i++) if (set[i]!(run) === true) passes = true;
  return passes;
}

function compileNot(child: NestedCondition, context: Context): Node {
  const group = context.groupCount++;
  const inner = compileNode(child, context);
  return (run) => {
    const passes = !inner(run);
    if (run.detail) run.detail.groups[group] = passes;
    return passes;
  };
}

function compileLeaf(condition: FactCondition, context: Context): Node {
  const index = context.valueFacts.length;
  const valueFact = asFactReference(condition.value) !== undefined;
  context.valueFacts.push(valueFact);
  const readFact = factReader(condition.fact, condition.path, context.slots);
  const readValue = valueReader(condition.value, context.slots);
  const operator: unknown = condition.operator;
  const compare = typeof operator === 'string' ? compileOperator(operator) : undefined;
  const literal = condition.value;
  const fact: unknown = condition.fact;
  if (compare && !valueFact && !isFactValue(literal) && typeof fact === 'string' && !condition.path) {
    // The usual leaf, a fact's own value against a literal: read in place (one call fewer per leaf),
    // and compared once per evaluation however many rules write the same comparison.
    const slot = slotOf(fact, context.slots);
    const number = leafNumberOf(leafKey(fact, operator as string, literal), context.leafNumbers);
    context.plain[index] = { fact, slot, number, compare, inline: inlineCode(operator as string), literal };
    return (run) => {
      let leaf = run.found[number];
      if (leaf === undefined) {
        const known = run.values[slot];
        const factValue = known !== undefined ? known : (run.values[slot] = run.facts.valueAt(slot, fact));
        leaf = run.found[number] = { factValue: factValue ?? null, result: compare(factValue, literal) };
      }
      run.leaves[index] = leaf;
      const result = leaf.result === true;
      if (run.detail) run.detail.leaves[index] = { factResult: run.values[slot], valueResult: literal, result };
      return result;
    };
  }
  return (run) => {
    const value = readValue(run);
    const factValue = readFact(run);
    if (!compare) throw new Error(`Unknown operator: ${String(operator)}`);
    const result = compare(factValue, value);
    run.leaves[index] = valueFact
      ? { factValue: factValue ?? null, result, valueFactValue: value ?? null }
      : { factValue: factValue ?? null, result };
    if (run.detail) run.detail.leaves[index] = { factResult: factValue, valueResult: value, result };
    return result;
  };
}

type Reader = (run: ConditionRun) => unknown;

/** A fact's value, then its `path` when the value is an object or array (else the value itself, as json-rules-engine does). */
/** Whether a condition's value is `{ fact, path? }`, another fact's value. */
function isFactValue(value: unknown): boolean {
  return value !== null && typeof value === 'object' && has(value, 'fact');
}

/** A plain JSON value: its text says exactly which value it is (no NaN, -0, undefined or odd objects). */
function isPlainValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        item === null ||
        typeof item === 'string' ||
        typeof item === 'boolean' ||
        (typeof item === 'number' && Number.isFinite(item) && !Object.is(item, -0)),
    )
  );
}

/** What makes two literal leaves the same comparison; undefined for a value whose text is ambiguous (never shared). */
function leafKey(fact: string, operator: string, literal: unknown): string | undefined {
  return isPlainValue(literal) ? JSON.stringify([fact, operator, literal]) : undefined;
}

/** A literal leaf's number in its rule set (a new one on first sight, and for every leaf without a key). */
function leafNumberOf(key: string | undefined, numbers: LeafNumbers): number {
  if (key === undefined) {
    const number = numbers.size;
    numbers.set(`\u0000${number}`, number);
    return number;
  }
  let number = numbers.get(key);
  if (number === undefined) numbers.set(key, (number = numbers.size));
  return number;
}

/** A fact's slot in its rule set (a new one on first sight). */
function slotOf(fact: string, slots: FactSlots): number {
  let slot = slots.get(fact);
  if (slot === undefined) slots.set(fact, (slot = slots.size));
  return slot;
}

function factReader(fact: unknown, path: unknown, slots: FactSlots): Reader {
  if (typeof fact !== 'string') return () => undefined;
  const slot = slotOf(fact, slots);
  const read = (run: ConditionRun) => {
    const known = run.values[slot];
    return known !== undefined ? known : (run.values[slot] = run.facts.valueAt(slot, fact));
  };
  if (!path) return read;
  const resolve = pathResolver(path);
  return (run) => {
    const value = read(run);
    return value !== null && typeof value === 'object' ? resolve(value) : value;
  };
}

/** A condition's value: a literal, or `{ fact, path? }`, the value of another fact. */
function valueReader(value: unknown, slots: FactSlots): Reader {
  if (!isFactValue(value)) return () => value;
  const { fact, path } = value as { fact: unknown; path?: unknown };
  return factReader(fact, path, slots);
}

/** `resolveJsonPath` (json-rules-engine's `pathResolver` in this product), with a plain path split once. */
function pathResolver(path: unknown): (value: object) => unknown {
  if (typeof path !== 'string' || !isPlainJsonPath(path)) return (value) => resolveJsonPath(value, path as string);
  const keys = [...path.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g)].map((m) => m[1] ?? m[2]!);
  return (value) => {
    let current: unknown = value;
    for (const key of keys) {
      if (current === null || typeof current !== 'object' || !has(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}
