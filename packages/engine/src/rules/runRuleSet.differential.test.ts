// The compiled evaluator against json-rules-engine 7.3.1 (the reference): generated rule sets,
// condition trees and fact values; both must agree on which rules fire, in which order, and on
// every condition json-rules-engine reports (its result, fact value and value), including which
// conditions it never evaluated. fast-check prints the seed and path of any failure
// (DIFFERENTIAL_SEED=<seed> reruns it); counterexamples it found are kept in EXAMPLES and run first.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionExplanation } from '../explain/Explanation.js';
import { evaluatedFromLeaves, traceExplanation, type RuleTrace } from '../explain/ExplanationTrace.js';
import { explainConditions, type EvaluatedCondition } from '../explain/explainConditions.js';
import { oraclePool, runOracle } from '../testing/jsonRulesEngineOracle.js';
import { compileRuleSet } from './compileRuleSet.js';
import { ConditionCompileError, type LeafDetail } from './compileConditions.js';
import { DECORATORS, OPERATORS } from './operators.js';
import type { NestedCondition, RuleDefinition, RuleSetFile, TopLevelCondition } from './RuleSetFile.js';
import { runRuleSet, type RuleRun } from './runRuleSet.js';
import type { FormDefinition } from '../forms/FormDefinition.js';

// ---- generators -------------------------------------------------------------------------------

const FACTS = ['a', 'b', 'c', 'list', 'obj'] as const;
/** Never given a value: json-rules-engine reads it as undefined (allowUndefinedFacts). */
const MISSING = 'missing';

/** Strings json-rules-engine's number check and JavaScript's coercion treat in odd ways. */
const oddStrings = fc.constantFrom('NaN', '1e3', ' 12 ', '12abc', '', 'abc', '0x10', 'Infinity', '-1', '1,2', 'true', 'null', 'a', 'ab');
const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -0, 1e3, 12, Number.NaN, Number.POSITIVE_INFINITY) },
  { weight: 3, arbitrary: oddStrings },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false) },
);
/** Any JSON value (and a few numbers JSON cannot write), with nested objects and arrays to walk with `path`. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('x', 'y', '0'), tie('value'), { maxKeys: 3 }) },
  ),
})).value;

const paths = fc.constantFrom('$', '$.x', '$.x.y', '$[0]', '$[1]', '$[0].x', '$.y[0]', '$.0', '$..x');
const factName = fc.constantFrom<string>(...FACTS, MISSING);
const operator = fc
  .tuple(fc.array(fc.constantFrom(...DECORATORS), { maxLength: 2 }), fc.constantFrom(...Object.keys(OPERATORS)))
  .map(([decorators, op]) => [...decorators, op].join(':'));
const priority = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 2 });
const withPriority = <T extends object>(condition: T, p: number | undefined): T =>
  p === undefined ? condition : { ...condition, priority: p };

/** A condition's value: a literal, or another fact (sometimes with a path; rarely a `fact` that is not a name). */
const conditionValue = fc.oneof(
  { weight: 5, arbitrary: value },
  { weight: 2, arbitrary: fc.array(value, { maxLength: 4 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(factName, fc.option(paths, { nil: undefined }))
      .map(([fact, path]) => (path === undefined ? { fact } : { fact, path })),
  },
  { weight: 1, arbitrary: fc.constant({ fact: 5 }) },
);

const leaf = fc
  .record({ fact: factName, operator, value: conditionValue, path: fc.option(paths, { nil: undefined, freq: 3 }), priority })
  .map(({ path, priority: p, ...rest }) => withPriority(path === undefined ? rest : { ...rest, path }, p) as NestedCondition);

/** A condition tree over shared conditions `s0..s{shared-1}`. */
function treeOver(shared: number): fc.Arbitrary<TopLevelCondition> {
  const names = Array.from({ length: Math.max(shared, 1) }, (_, i) => `s${i}`);
  const reference = fc
    .tuple(fc.constantFrom(...names), priority)
    .map(([condition, p]) => withPriority({ condition }, p) as TopLevelCondition);
  const { node } = fc.letrec<{ node: NestedCondition; group: TopLevelCondition }>((tie) => ({
    node: fc.oneof({ depthSize: 'xsmall', withCrossShrink: true }, leaf, leaf, tie('group')),
    group: fc.oneof(
      { depthSize: 'xsmall', withCrossShrink: true },
      fc.tuple(fc.array(tie('node'), { maxLength: 3 }), priority).map(([all, p]) => withPriority({ all }, p)),
      fc.tuple(fc.array(tie('node'), { maxLength: 3 }), priority).map(([any, p]) => withPriority({ any }, p)),
      fc.tuple(tie('node'), priority).map(([not, p]) => withPriority({ not }, p)),
      ...(shared > 0 ? [reference] : []),
    ),
  }));
  return fc.oneof(
    fc.array(node, { maxLength: 3 }).map((all) => ({ all })),
    fc.array(node, { maxLength: 3 }).map((any) => ({ any })),
    node.map((not) => ({ not })),
    ...(shared > 0 ? [reference] : []),
  );
}

const trees = [0, 1, 2, 3].map(treeOver);
const tree = (shared: number) => trees[shared]!;

/** Shared conditions: `s{i}` may refer only to `s{j}` with j < i, so there is no cycle. */
function sharedConditions(count: number): fc.Arbitrary<Record<string, TopLevelCondition>> {
  return fc.tuple(...Array.from({ length: count }, (_, i) => tree(i))).map((list) => Object.fromEntries(list.map((c, i) => [`s${i}`, c])));
}

const event = { type: 'block', params: { message: { 'zh-CN': '停', en: 'stop' } } } as const;
const title = { 'zh-CN': '规则', en: 'Rule' };

const ruleSet: fc.Arbitrary<Pick<RuleSetFile, 'rules' | 'conditions'>> = fc.integer({ min: 0, max: 3 }).chain((shared) =>
  fc.record({
    conditions: sharedConditions(shared),
    rules: fc
      .array(
        fc.record({
          conditions: tree(shared),
          priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
          enabled: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((rules) =>
        rules.map(({ conditions, priority: p, enabled }, i): RuleDefinition => ({
          name: `r${i}`,
          title,
          conditions,
          event,
          ...(p === undefined ? {} : { priority: p }),
          ...(enabled ? {} : { enabled: false }),
        })),
      ),
  }),
);

/** Fact values: each fact present (any value) or left out (then undefined, like `missing`). */
const facts = fc.record(Object.fromEntries(FACTS.map((name) => [name, value])) as Record<(typeof FACTS)[number], fc.Arbitrary<unknown>>, {
  requiredKeys: ['a', 'b', 'list', 'obj'],
});

// ---- comparison -------------------------------------------------------------------------------

const form = { id: 'generated', title, schema: { type: 'object', properties: {} } } as unknown as FormDefinition;
const noLabels = () => undefined;
const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

interface Detail {
  leaves: (LeafDetail | undefined)[];
  groups: (boolean | undefined)[];
}

/** What json-rules-engine reports on its evaluated tree, in the compiled evaluator's leaf and group order. */
function detailOf(
  definition: NestedCondition,
  node: EvaluatedCondition | undefined,
  shared: Record<string, TopLevelCondition>,
  out: Detail,
) {
  if (has(definition, 'condition')) {
    const name = (definition as { condition: string }).condition;
    if (has(shared, name)) detailOf(shared[name]!, node, shared, out);
    return;
  }
  const kind = (['any', 'all', 'not'] as const).find((k) => has(definition, k));
  if (kind) {
    const group = out.groups.length;
    out.groups.push(undefined);
    if (node && typeof node.result === 'boolean' && has(node, kind)) out.groups[group] = node.result;
    if (kind === 'not') detailOf((definition as { not: NestedCondition }).not, node?.not, shared, out);
    else
      (definition as unknown as Record<string, NestedCondition[]>)[kind]!.forEach((child, i) =>
        detailOf(child, node?.[kind]?.[i], shared, out),
      );
    return;
  }
  out.leaves.push(
    node && has(node, 'result') ? { factResult: node.factResult, valueResult: node.valueResult, result: node.result! } : undefined,
  );
}

function compiledDetail(run: RuleRun): Detail {
  const { detail } = run;
  const leaves = Array.from({ length: run.leaves.length }, (_, i) => detail?.leaves[i]);
  const groups = Array.from({ length: run.rule.conditions.groupCount }, (_, i) => detail?.groups[i]);
  return { leaves, groups };
}

/** Per rule; the explanation and the trace a record would store only for the first fact set of a rule set. */
interface Compared {
  fired: boolean;
  detail: Detail;
  explained: unknown;
  trace: RuleTrace | undefined;
}

/** The trace the product stores, taken from the explanation of json-rules-engine's evaluated tree. */
const traceOf = (rule: string, fired: boolean, conditions: ConditionExplanation): RuleTrace =>
  traceExplanation([{ ruleSet: 'generated', version: 1, rule, title, catalog: [], enabled: true, fired, conditions }])[0]!;

type Outcome = { error: true } | { error: false; events: string[]; rules: Record<string, Compared> };

async function viaJsonRulesEngine(rules: Pick<RuleSetFile, 'rules' | 'conditions'>, given: Record<string, unknown>[]): Promise<Outcome[]> {
  const pool = oraclePool(rules);
  const shared = rules.conditions ?? {};
  const outcomes: Outcome[] = [];
  for (const [i, values] of given.entries()) {
    const first = i === 0;
    let run;
    try {
      run = await runOracle(pool, values);
    } catch {
      outcomes.push({ error: true });
      continue;
    }
    const byRule: Record<string, Compared> = {};
    for (const rule of rules.rules) {
      const result = run.results.get(rule.name);
      if (!result) continue;
      const detail: Detail = { leaves: [], groups: [] };
      detailOf(rule.conditions, result.conditions, shared, detail);
      // json-rules-engine never marks the root group of a rule, only its rule result; a root reference it does.
      if (!has(rule.conditions, 'condition')) detail.groups[0] = undefined;
      const explained = first ? explainConditions(rule.conditions, result.conditions, noLabels, shared) : undefined;
      byRule[rule.name] = { fired: result.result, detail, explained, trace: explained && traceOf(rule.name, result.result, explained) };
    }
    outcomes.push({ error: false, events: run.events, rules: byRule });
  }
  return outcomes;
}

function viaCompiled(rules: Pick<RuleSetFile, 'rules' | 'conditions'>, given: Record<string, unknown>[]): Outcome[] {
  const definition = { id: 'generated', form: 'generated', title, ...rules } as RuleSetFile;
  const compiled = compileRuleSet(definition, 1, form);
  const shared = rules.conditions ?? {};
  return given.map((values, i) => {
    const first = i === 0;
    let runs: RuleRun[];
    try {
      runs = runRuleSet(compiled, (name) => (has(values, name) ? values[name] : undefined), { detail: true });
    } catch {
      return { error: true };
    }
    const byRule: Record<string, Compared> = {};
    for (const run of runs) {
      const { definition: rule } = run.rule;
      const detail = compiledDetail(run);
      if (!has(rule.conditions, 'condition')) detail.groups[0] = undefined;
      const explained = first
        ? explainConditions(rule.conditions, evaluatedFromLeaves(rule.conditions, run.leaves.values(), shared), noLabels, shared)
        : undefined;
      byRule[rule.name] = {
        fired: run.fired,
        detail,
        explained,
        trace: explained && { ruleSet: 'generated', rule: rule.name, fired: run.fired, leaves: run.leaves },
      };
    }
    return { error: false, events: runs.filter((r) => r.fired).map((r) => r.rule.definition.name), rules: byRule };
  });
}

/**
 * json-rules-engine runs the rules of one priority in parallel and emits their events as their
 * promises settle (a rule with a shallower tree first); the compiled evaluator keeps file order.
 * The order of priorities must be the same; within one priority, the same rules.
 */
function byPriorityThenFile(events: string[], rules: readonly RuleDefinition[]): string[] {
  const at = (name: string) => rules.findIndex((r) => r.name === name);
  const priorityOf = (name: string) => rules[at(name)]!.priority ?? 1;
  return [...events].sort((x, y) => priorityOf(y) - priorityOf(x) || at(x) - at(y));
}

function priorities(events: string[], rules: readonly RuleDefinition[]): number[] {
  return events.map((name) => rules.find((r) => r.name === name)!.priority ?? 1);
}

const isNonIncreasing = (list: number[]) => list.every((p, i) => i === 0 || list[i - 1]! >= p);

// ---- properties -------------------------------------------------------------------------------

/** Fact sets evaluated per generated rule set: 12,500 rule sets x 8 = 100,000 cases per run of this file (about 9 s of CPU). */
const RECORDS = 8;
const NUM_RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 12_500);
const SEED = process.env.DIFFERENTIAL_SEED === undefined ? {} : { seed: Number(process.env.DIFFERENTIAL_SEED) };

type Case = [Pick<RuleSetFile, 'rules' | 'conditions'>, Record<string, unknown>[]];
const rule = (conditions: TopLevelCondition, extra: Partial<RuleDefinition> = {}): RuleDefinition => ({
  name: 'r0',
  title,
  conditions,
  event,
  ...extra,
});
const fill = (values: Record<string, unknown>) => Array.from({ length: RECORDS }, () => values);

/** Counterexamples fast-check shrank to while the evaluator was being written (each once failed). */
const EXAMPLES: Case[] = [
  // An `all` stopped at its first false child, so the second leaf of the same priority had no result.
  [
    {
      rules: [
        rule({
          not: {
            all: [
              { fact: 'a', operator: 'equal', value: 0 },
              { fact: 'a', operator: 'equal', value: { fact: 'a' } },
            ],
          },
        }),
      ],
    },
    fill({ a: 0.5 }),
  ],
  // Lower priorities ran first.
  [
    {
      rules: [
        rule({
          any: [
            { fact: 'a', operator: 'equal', value: 1 },
            { fact: 'b', operator: 'in', value: null, priority: 2 },
          ],
        }),
        rule({ all: [] }, { name: 'r1', priority: 2 }),
      ],
    },
    fill({ a: 1, b: 2 }),
  ],
  // A reached shared condition with a lower-priority sibling, and `path` on a value that is not an object.
  [
    {
      conditions: { s0: { any: [{ fact: 'obj', path: '$.x', operator: 'someFact:greaterThan', value: ' 2 ' }] } },
      rules: [
        rule({
          all: [
            { condition: 's0', priority: 3 },
            { fact: 'list', path: '$[0]', operator: 'not:in', value: 'abc' },
          ],
        }),
      ],
    },
    fill({ obj: { x: [1, '3'] }, list: 'a' }),
  ],
];

describe('runRuleSet against json-rules-engine', () => {
  it(`when ${NUM_RUNS.toLocaleString('en-US')} generated rule sets run on ${RECORDS} generated fact sets each, then both agree on every rule and every condition; json-rules-engine orders same-priority events by settling time, so that order is compared as a set`, async () => {
    await fc.assert(
      fc.asyncProperty(ruleSet, fc.array(facts, { minLength: RECORDS, maxLength: RECORDS }), async (rules, given) => {
        const reference = await viaJsonRulesEngine(rules, given);
        const compiled = viaCompiled(rules, given);
        // The fast check first; vitest's for the difference when there is one.
        if (
          isDeepStrictEqual(
            compiled,
            reference.map((r) => (r.error ? r : { ...r, events: byPriorityThenFile(r.events, rules.rules) })),
          )
        ) {
          for (const r of reference) if (!r.error) expect(isNonIncreasing(priorities(r.events, rules.rules))).toBe(true);
          return;
        }
        reference.forEach((expected, i) => {
          const actual = compiled[i]!;
          expect(actual.error).toBe(expected.error);
          if (actual.error || expected.error) return;
          expect(isNonIncreasing(priorities(expected.events, rules.rules))).toBe(true);
          expect(actual.events).toEqual(byPriorityThenFile(expected.events, rules.rules));
          expect(actual.rules).toEqual(expected.rules);
        });
      }),
      { numRuns: NUM_RUNS, examples: EXAMPLES, ...SEED },
    );
  }, 600_000);
});

// ---- json-rules-engine's own behaviour, matched on purpose -------------------------------------

/** One rule `r0` with these conditions, run by both on one fact set: what both found (they must agree). */
async function both(conditions: TopLevelCondition, values: Record<string, unknown>, shared: Record<string, TopLevelCondition> = {}) {
  const rules = { conditions: shared, rules: [{ name: 'r0', title, conditions, event } as RuleDefinition] };
  const [reference] = await viaJsonRulesEngine(rules, [values]);
  const [compiled] = viaCompiled(rules, [values]);
  expect(compiled).toEqual(reference);
  return compiled!.error ? ('error' as const) : compiled!.rules.r0!;
}
const leafResults = (found: Awaited<ReturnType<typeof both>>) => (found === 'error' ? found : found.detail.leaves.map((l) => l?.result));
const holds = async (leafCondition: NestedCondition, values: Record<string, unknown>) =>
  leafResults(await both({ all: [leafCondition] }, values))[0];

describe("json-rules-engine's own behaviour, matched", () => {
  it('when `in` is given a string instead of a list, then it searches the text for the fact (String.prototype.indexOf, odd but kept)', async () => {
    expect(await holds({ fact: 'a', operator: 'in', value: 'urban-zone' }, { a: 'urban' })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'in', value: 'x12y' }, { a: 12 })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'notIn', value: 'null' }, { a: null })).toBe(false);
  });

  it('when a number operator meets text that parseFloat reads (" 12 ", "12abc", "1e3", [5]), then it compares with JavaScript coercion (odd but kept)', async () => {
    expect(await holds({ fact: 'a', operator: 'greaterThan', value: 11 }, { a: ' 12 ' })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'greaterThan', value: 11 }, { a: '12abc' })).toBe(false);
    expect(await holds({ fact: 'a', operator: 'lessThan', value: 1001 }, { a: '1e3' })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'lessThan', value: 6 }, { a: [5] })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'lessThan', value: 'b' }, { a: 'NaN' })).toBe(false);
    expect(await holds({ fact: 'a', operator: 'lessThan', value: '9' }, { a: '10' })).toBe(true);
  });

  it('when `not:lessThan` meets a value that is not a number, then it holds (the decorator has no number check, odd but kept)', async () => {
    expect(await holds({ fact: 'a', operator: 'not:lessThan', value: 5 }, { a: 'abc' })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'not:lessThan', value: 5 }, { a: null })).toBe(true);
  });

  it('when `path` is applied to a fact that is not an object, then the fact itself is compared (odd but kept)', async () => {
    expect(await holds({ fact: 'a', operator: 'equal', value: 7, path: '$.x' }, { a: 7 })).toBe(true);
    expect(await holds({ fact: 'obj', operator: 'equal', value: 7, path: '$.x[1]' }, { obj: { x: [6, 7] } })).toBe(true);
    expect(await holds({ fact: 'obj', operator: 'equal', value: null, path: '$.y' }, { obj: { x: 1 } })).toBe(false);
  });

  it('when a value is `{ fact }`, then the other fact is compared, with its own path; a `fact` that is not a name reads undefined', async () => {
    expect(await holds({ fact: 'a', operator: 'equal', value: { fact: 'obj', path: '$.x' } }, { a: 3, obj: { x: 3 } })).toBe(true);
    expect(await holds({ fact: 'missing', operator: 'equal', value: { fact: 5 } }, {})).toBe(true);
  });

  it("when the product's own operators test whether a fact is filled or a list has items, then both agree on empty text, null, missing and empty lists", async () => {
    expect(Object.keys(OPERATORS)).toEqual(expect.arrayContaining(['isFilled', 'isEmpty', 'hasAny', 'hasNone']));
    for (const [a, filled] of [
      [' ', true],
      ['', false],
      [null, false],
      [0, true],
      [false, true],
      [[], false],
      [[0], true],
    ] as const) {
      expect(await holds({ fact: 'a', operator: 'isFilled', value: true }, { a })).toBe(filled);
      expect(await holds({ fact: 'a', operator: 'isEmpty', value: true }, { a })).toBe(!filled);
    }
    expect(await holds({ fact: 'missing', operator: 'isEmpty', value: true }, {})).toBe(true);
    expect(await holds({ fact: 'a', operator: 'hasAny', value: true }, { a: ['x'] })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'hasAny', value: true }, { a: 'x' })).toBe(false);
    expect(await holds({ fact: 'a', operator: 'hasNone', value: true }, { a: [] })).toBe(true);
    expect(await holds({ fact: 'a', operator: 'not:hasNone', value: true }, { a: [1] })).toBe(true);
    expect(await holds({ fact: 'list', operator: 'someFact:isFilled', value: true }, { list: ['', 'y'] })).toBe(true);
  });

  it('when an `any` or an `all` is empty, then it holds (odd for `any`, kept)', async () => {
    const empty = await both({ any: [] }, {});
    expect(empty !== 'error' && empty.fired).toBe(true);
    expect(leafResults(await both({ all: [{ fact: 'a', operator: 'equal', value: 1 }, { not: { any: [] } }] }, { a: 1 }))).toEqual([true]);
  });

  it('when conditions share a priority, then all of them are evaluated even after one decided; a lower priority is skipped once decided', async () => {
    const same = await both(
      {
        all: [
          { fact: 'a', operator: 'equal', value: 0 },
          { fact: 'b', operator: 'equal', value: 2 },
        ],
      },
      { a: 1, b: 2 },
    );
    expect(leafResults(same)).toEqual([false, true]);
    const ordered = await both(
      {
        all: [
          { fact: 'b', operator: 'equal', value: 2 },
          { fact: 'a', operator: 'equal', value: 0, priority: 2 },
        ],
      },
      { a: 1, b: 2 },
    );
    expect(leafResults(ordered)).toEqual([undefined, false]);
  });

  it('when a decorated operator runs on values it cannot handle (`in` against null, `someValue` on text), then both fail the whole evaluation', async () => {
    expect(await both({ all: [{ fact: 'a', operator: 'in', value: null }] }, { a: 1 })).toBe('error');
    expect(await both({ all: [{ fact: 'a', operator: 'someValue:equal', value: 'ab' }] }, { a: 'a' })).toBe('error');
    expect(await holds({ fact: 'a', operator: 'someFact:equal', value: 1 }, { a: 1 })).toBe(false);
  });

  it('when a shared condition that does not exist is reached, then both fail; when a higher priority decided first, then neither does', async () => {
    expect(await both({ all: [{ condition: 'nowhere' }] }, {})).toBe('error');
    const skipped = await both({ all: [{ fact: 'a', operator: 'equal', value: 0, priority: 2 }, { condition: 'nowhere' }] }, { a: 1 });
    expect(skipped !== 'error' && skipped.fired).toBe(false);
  });

  it('when a condition is malformed (a leaf without value, an `all` that is no list, a shared root that is a leaf), then both refuse it', async () => {
    const malformed: Pick<RuleSetFile, 'rules' | 'conditions'>[] = [
      { rules: [rule({ all: [{ fact: 'a', operator: 'equal' } as unknown as NestedCondition] })] },
      { rules: [rule({ all: { fact: 'a', operator: 'equal', value: 1 } } as unknown as TopLevelCondition)] },
      { rules: [rule({ not: [] } as unknown as TopLevelCondition)] },
      { conditions: { s0: { fact: 'a', operator: 'equal', value: 1 } as unknown as TopLevelCondition }, rules: [rule({ all: [] })] },
    ];
    for (const rules of malformed) {
      await expect(runOracle(oraclePool(rules), {})).rejects.toThrow();
      expect(() => compileRuleSet({ id: 'generated', form: 'generated', title, ...rules }, 1, form)).toThrow(ConditionCompileError);
    }
  });

  it('when rules of one priority fire, then json-rules-engine emits them as their promises settle, the compiled evaluator in file order', async () => {
    const deep = { all: [{ all: [{ all: [{ fact: 'a', operator: 'equal', value: 1 }] }, { fact: 'a', operator: 'equal', value: 1 }] }] };
    const rules = {
      rules: [
        { name: 'deep', title, conditions: deep, event },
        { name: 'flat', title, conditions: { all: [{ fact: 'a', operator: 'equal', value: 1 }] }, event },
        { name: 'first', title, priority: 5, conditions: deep, event },
      ] as RuleDefinition[],
    };
    const [reference] = await viaJsonRulesEngine(rules, [{ a: 1 }]);
    const [compiled] = viaCompiled(rules, [{ a: 1 }]);
    expect(reference!.error === false && reference!.events).toEqual(['first', 'flat', 'deep']);
    expect(compiled!.error === false && compiled!.events).toEqual(['first', 'deep', 'flat']);
  });
});
