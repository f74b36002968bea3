// The compiled rules against json-rules-engine (the reference) on the default pack: every saved
// test case of every rule set, at its own moment and a week later, in every status of its form.
// The scenario tests compare the two on each of their records too (`harness.evaluate`).
import { caseName } from '@aftersales/engine';
import { describe, expect, it } from 'vitest';
import { compareWithOracle, pack } from './harness.js';

const WEEK = 7 * 24 * 3_600_000;

const cases = [...pack.ruleSets.values()].flatMap(({ definition }) =>
  (definition.tests ?? []).map((test) => ({ form: definition.form, ruleSet: definition.id, test })),
);

function contextsOf({ form, ruleSet, test }: (typeof cases)[number]) {
  const states = pack.forms.get(form)?.definition.statusFlow?.states.map((s) => s.id) ?? [];
  const history = test.history ? { history: { [ruleSet]: test.history } } : {};
  const moments = [test.now, new Date(new Date(test.now).getTime() + WEEK).toISOString()];
  return moments.flatMap((now) => [test.status, ...states].map((status) => ({ now, ...(status ? { status } : {}), ...history })));
}

describe('compiled rules against json-rules-engine on the default pack', () => {
  it.each(cases.map((c) => [`${c.ruleSet}: ${caseName(c.test.name).en}`, c] as const))(
    'when %s is evaluated by both in every status, then outcome, trace and explanation agree',
    async (_name, c) => {
      for (const context of contextsOf(c)) {
        expect({ context, differences: await compareWithOracle(c.form, c.test.record, context) }).toEqual({ context, differences: [] });
      }
    },
  );
});
