// Every rule of the default pack, on generated records: each form's fields take the values its
// rules compare them with (and their neighbours), its enum options, dates far apart and close
// together, or nothing; the compiled rules and json-rules-engine must agree on outcome, trace and
// explanation, and across the records every rule of the pack must fire at least once.
import fc from 'fast-check';
import type { NestedCondition, RuleSetFile } from '@aftersales/engine';
import { describe, expect, it } from 'vitest';
import { compareWithOracle, pack, policyFor } from './harness.js';

const DATES = [
  '2014-03-01',
  '2019-06-15',
  '2023-01-10',
  '2025-09-28',
  '2025-09-30T09:00:00+08:00',
  '2025-09-30T16:05:00+08:00',
  '2025-10-08T10:00:00+08:00',
  '2025-10-09T21:30:00+08:00',
];
const NOWS = ['2025-10-09T15:00:00+08:00', '2025-10-20T09:00:00+08:00'];

type Schema = { type?: string; format?: string; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema };

/** Every literal a rule set compares each fact with (list values and their items, numbers and their neighbours). */
function literals(ruleSets: RuleSetFile[]): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  const add = (fact: string, value: unknown) => found.set(fact, [...(found.get(fact) ?? []), value]);
  const walk = (c: NestedCondition) => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('fact' in c) {
      const values = Array.isArray(c.value) ? [c.value, ...(c.value as unknown[])] : [c.value];
      for (const v of values) {
        if (typeof v === 'number') [v - 1, v, v + 1, v + 0.5].forEach((n) => add(c.fact, n));
        else if (v === null || typeof v !== 'object' || Array.isArray(v)) add(c.fact, v);
      }
    }
  };
  for (const r of ruleSets) {
    Object.values(r.conditions ?? {}).forEach(walk);
    r.rules.forEach((rule) => walk(rule.conditions));
  }
  return found;
}

function valueFor(name: string, schema: Schema, seen: Map<string, unknown[]>): fc.Arbitrary<unknown> {
  const known = seen.get(name) ?? [];
  if (schema.type === 'array' && schema.items?.properties) {
    const item = recordFor(schema.items.properties, seen, `${name}.`);
    return fc.array(item, { maxLength: 2 });
  }
  if (schema.type === 'object' && schema.properties) return recordFor(schema.properties, seen, `${name}.`);
  const options: unknown[] = [...known, ...(schema.enum ?? [])];
  if (schema.type === 'boolean') options.push(true, false);
  if (schema.type === 'number' || schema.type === 'integer') options.push(0, 1, 5, 250);
  if (schema.format === 'date' || schema.format === 'date-time') options.push(...DATES);
  if (schema.type === 'string' && !schema.enum && !schema.format) options.push('王师傅', '李四');
  return options.length > 0 ? fc.constantFrom(...options) : fc.constant(null);
}

function recordFor(properties: Record<string, Schema>, seen: Map<string, unknown[]>, prefix = ''): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, valueFor(`${prefix}${key}`, schema, seen)]));
  return fc.record(fields, { requiredKeys: [] });
}

const forms = [...pack.forms.keys()].filter((form) => [...pack.ruleSets.values()].some((r) => r.definition.form === form));

/** A form's generated cases: a record and the evaluation context (now, status, history facts). */
function casesFor(formId: string) {
  const ruleSets = [...pack.ruleSets.values()].filter((r) => r.definition.form === formId).map((r) => r.definition);
  const seen = literals(ruleSets);
  const schema = pack.forms.get(formId)!.definition.schema as Schema;
  const states = pack.forms.get(formId)!.definition.statusFlow?.states.map((s) => s.id) ?? [];
  const historyNames = ruleSets.flatMap((r) =>
    Object.entries(r.facts ?? {}).flatMap(([name, fact]) => (fact.kind === 'history' ? [{ ruleSet: r.id, name }] : [])),
  );
  const history = fc.tuple(...historyNames.map(({ name }) => fc.constantFrom(...(seen.get(name) ?? []), 0, 3, 8)));
  const context = fc.record({
    now: fc.constantFrom(...NOWS),
    status: fc.constantFrom(...(states.length > 0 ? states : ['none'])),
    values: history,
  });
  return fc.tuple(recordFor(schema.properties ?? {}, seen), context).map(([record, { now, status, values }]) => {
    const byRuleSet: Record<string, Record<string, unknown>> = {};
    historyNames.forEach(({ ruleSet, name }, i) => ((byRuleSet[ruleSet] ??= {})[name] = values[i]));
    return { record, context: { now, ...(states.length > 0 ? { status } : {}), history: byRuleSet } };
  });
}

describe('compiled rules against json-rules-engine on generated records of the default pack', () => {
  it.each(forms)('when generated %s records are evaluated by both, then outcome, trace and explanation agree', async (formId) => {
    await fc.assert(
      fc.asyncProperty(casesFor(formId), async ({ record, context }) => {
        expect(await compareWithOracle(formId, record, context)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  // The generator reaches every rule: checked on a fixed sample (seeded, so the answer does not depend on the run's seed).
  it('when 500 records per form are generated from a fixed seed, then every rule of the pack fires in at least one', () => {
    const fired = new Set<string>();
    for (const formId of forms)
      for (const { record, context } of fc.sample(casesFor(formId), { seed: 20261206, numRuns: 500 }))
        for (const t of policyFor(formId).run(record, context).trace) if (t.fired) fired.add(`${t.ruleSet}/${t.rule}`);
    const rules = [...pack.ruleSets.values()].flatMap(({ definition }) =>
      definition.rules.filter((r) => r.enabled !== false).map((r) => `${definition.id}/${r.name}`),
    );
    expect(rules.filter((rule) => !fired.has(rule))).toEqual([]);
  });
});
