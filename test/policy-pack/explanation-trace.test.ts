// The trace stored with a record rebuilds the whole explanation: for the pack's rule test cases here,
// and for every evaluation of the scenario tests in `harness.evaluate`.
import { caseName, traceExplanation } from '@aftersales/engine';
import { describe, expect, it } from 'vitest';
import { pack, policyFor } from './harness.js';

const cases = [...pack.ruleSets.values()].flatMap((r) =>
  (r.definition.tests ?? []).map((test) => ({ form: r.definition.form, ruleSet: r.definition.id, test })),
);

describe('explanation trace', () => {
  it.each(cases.map((c) => [`${c.ruleSet}: ${caseName(c.test.name).en}`, c] as const))(
    'when %s is evaluated, then its explanation is rebuilt from the stored trace',
    async (_name, { form, ruleSet, test }) => {
      const policy = policyFor(form);
      const evaluation = await policy.evaluate(test.record, {
        now: test.now,
        ...(test.status ? { status: test.status } : {}),
        ...(test.history ? { history: { [ruleSet]: test.history } } : {}),
      });
      const trace = traceExplanation(evaluation.explanation);
      const stored = JSON.parse(JSON.stringify(trace)) as typeof trace;
      expect(policy.explain(stored)).toEqual(JSON.parse(JSON.stringify(evaluation.explanation)));
      expect(JSON.stringify(trace).length).toBeLessThan(JSON.stringify(evaluation.explanation).length / 3);
    },
  );

  it('when a vehicle repair above 200 yuan is traced, then the trace is a fraction of the explanation', async () => {
    const policy = policyFor('vehicle-use');
    const record = { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货', repairCost: 350 };
    const evaluation = await policy.evaluate(record, { now: '2025-10-20T10:00:00+08:00' });
    const trace = traceExplanation(evaluation.explanation);
    expect(trace.find((r) => r.rule === 'A1-repair-over-200')).toEqual({
      ruleSet: 'vehicle-use.vehicles',
      rule: 'A1-repair-over-200',
      fired: true,
      leaves: [{ factValue: 350, result: true }],
    });
    expect(JSON.stringify(trace).length).toBeLessThan(JSON.stringify(evaluation.explanation).length / 4);
    expect(policy.explain(trace)).toEqual(evaluation.explanation);
  });

  it('when the trace misses a rule, then that rule is explained as not run', () => {
    const policy = policyFor('vehicle-use');
    const explanation = policy.explain([]);
    expect(explanation.length).toBeGreaterThan(0);
    expect(explanation.every((r) => !r.fired && r.conditions === undefined)).toBe(true);
  });
});
