import type { DerivedFact, RuleSetFile } from '@aftersales/engine';

/** A value with every `{ "fact": from }` (conditions, values compared with a fact, formulas, history filters) pointing at `to`. */
function renamedIn<T>(node: T, from: string, to: string): T {
  if (Array.isArray(node)) return node.map((child: unknown) => renamedIn(child, from, to)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'fact' && value === from ? to : renamedIn(value, from, to);
  return out as T;
}

const swap = (value: string | undefined, from: string, to: string) => (value === from ? to : value);

function renamedFact(fact: DerivedFact, from: string, to: string): DerivedFact {
  const next = renamedIn(fact, from, to);
  // Time between two dates may start or end at another fact (a date a formula gives).
  if (next.kind === 'workingHours' || next.kind === 'workingDays' || next.kind === 'hours' || next.kind === 'days') {
    next.from = swap(next.from, from, to)!;
    if (next.to !== undefined) next.to = swap(next.to, from, to)!;
  }
  return next;
}

/**
 * The rule set with a declared fact's code changed from `from` to `to`: the fact itself (in place,
 * keeping the order), and every use of it, so that a rename never leaves anything pointing nowhere:
 * rule conditions (decision-table rows are rules too) and shared conditions, formulas of outcomes
 * and of other facts, history filters, deadlines that start or are met at it, and the values saved
 * test cases give it. A fact already renamed in `facts` only has its uses follow.
 */
export function renameFact(ruleSet: RuleSetFile, from: string, to: string): RuleSetFile {
  const facts = ruleSet.facts ?? {};
  if (from === to || (Object.hasOwn(facts, to) && Object.hasOwn(facts, from))) return ruleSet;
  const next: RuleSetFile = {
    ...ruleSet,
    rules: ruleSet.rules.map((rule) => {
      const event = renamedIn(rule.event, from, to);
      if (event.type === 'deadline') {
        event.params.from = swap(event.params.from, from, to)!;
        if (event.params.metBy !== undefined) event.params.metBy = swap(event.params.metBy, from, to)!;
      }
      return { ...rule, conditions: renamedIn(rule.conditions, from, to), event };
    }),
  };
  if (ruleSet.facts)
    next.facts = Object.fromEntries(
      Object.entries(ruleSet.facts).map(([name, fact]) => [name === from ? to : name, renamedFact(fact, from, to)]),
    );
  if (ruleSet.conditions) next.conditions = renamedIn(ruleSet.conditions, from, to);
  if (ruleSet.tests)
    next.tests = ruleSet.tests.map((test) =>
      test.history && Object.hasOwn(test.history, from)
        ? { ...test, history: Object.fromEntries(Object.entries(test.history).map(([k, v]) => [k === from ? to : k, v])) }
        : test,
    );
  return next;
}
