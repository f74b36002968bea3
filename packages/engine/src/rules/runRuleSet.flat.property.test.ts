// A flat rule (an `all`/`any` of plain leaves of one priority) runs as a loop that compares the usual
// operators in place (`runRuleSet`'s compareLeaf): each must answer exactly as its comparison from
// `compileOperator` (the one the compiled tree calls, checked against json-rules-engine in
// runRuleSet.differential.test.ts), or throw when it throws. fast-check prints the seed of any failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../forms/FormDefinition.js';
import { compileOperator, INLINE } from './compileOperator.js';
import { compileRuleSet } from './compileRuleSet.js';
import type { RuleSetFile } from './RuleSetFile.js';
import { runRuleSet } from './runRuleSet.js';

const SEED = process.env.FLAT_SEED === undefined ? Date.now() % 2_147_483_647 : Number(process.env.FLAT_SEED);
console.info(`flat rules property test: seed ${SEED} (FLAT_SEED=${SEED} reruns it)`);

const title = { 'zh-CN': '规则', en: 'Rule' };
const form = { id: 'generated', title, schema: { type: 'object', properties: {} } } as unknown as FormDefinition;
const event = { type: 'block', params: { message: { 'zh-CN': '停', en: 'stop' } } } as const;

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, -0, 1e3, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('NaN', '1e3', ' 12 ', '12abc', '', 'abc', 'true', 'null', 'a', '3'),
  fc.constantFrom(null, undefined, true, false),
);
const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) });
const inlineOperators = Object.keys(INLINE).filter((name) => name !== 'OTHER');
/** With a decorator or an operator compared through its function: the same loop, calling it. */
const operator = fc.oneof(fc.constantFrom(...inlineOperators), fc.constantFrom('contains', 'hasAny', 'not:equal', 'swap:in'));

/** What a comparison answers, or that it throws. */
function outcome(compare: () => boolean): boolean | 'throws' {
  try {
    return compare();
  } catch {
    return 'throws';
  }
}

describe('runRuleSet on flat rules', () => {
  it('when a flat rule compares a fact with a literal, then each leaf answers as the operator’s own comparison (10,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(operator, value), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('all', 'any'),
        value,
        (leaves, kind, fact) => {
          const children = leaves.map(([op, literal]) => ({ fact: 'a', operator: op, value: literal }));
          const definition = {
            id: 'generated',
            form: 'generated',
            title,
            rules: [{ name: 'r0', title, event, conditions: kind === 'all' ? { all: children } : { any: children } }],
          } as unknown as RuleSetFile;
          const compiled = compileRuleSet(definition, 1, form);
          expect(compiled.rules[0]!.conditions.flat).toBeDefined();
          const expected = leaves.map(([op, literal]) => outcome(() => compileOperator(op)!(fact, literal)));
          let runs;
          try {
            runs = runRuleSet(compiled, () => fact);
          } catch {
            expect(expected).toContain('throws');
            return;
          }
          const results = runs[0]!.leaves.map((leaf) => leaf.result);
          expect(results).toEqual(expected);
          expect(runs[0]!.fired).toBe(kind === 'all' ? expected.every((r) => r === true) : expected.some((r) => r === true));
        },
      ),
      { numRuns: 10_000, seed: SEED },
    );
  });
});
