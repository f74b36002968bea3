import type { RuleSetFile } from '@aftersales/engine';
import { contentHash } from '../contentHash.js';

/** What a rule set's rules share (shared conditions, facts, calendar): when it changes, every rule may. */
function sharedPart(ruleSet: RuleSetFile): unknown {
  const {
    rules: _rules,
    tables: _tables,
    tests: _tests,
    title: _title,
    description: _description,
    ...shared
  } = ruleSet as RuleSetFile & {
    description?: unknown;
  };
  return shared;
}

/**
 * The two sides of a changed rule set cut down to the rules that differ, when nothing they share
 * changed; else both whole. Rules are evaluated each on their own (the outcome is what each fired
 * rule adds), so the rules that are the same on both sides add the same to both outcomes and
 * cannot change the difference: replaying only the changed ones gives the same impact for a
 * fraction of the work (lowering T1 runs one rule instead of the set's thirty).
 */
export function changedRules(before: RuleSetFile, after: RuleSetFile): { before: RuleSetFile; after: RuleSetFile } {
  if (contentHash(sharedPart(before)) !== contentHash(sharedPart(after))) return { before, after };
  const hashes = (r: RuleSetFile) => new Map(r.rules.map((rule) => [rule.name, contentHash(rule)]));
  const old = hashes(before);
  const next = hashes(after);
  const changed = new Set([...old.keys(), ...next.keys()].filter((name) => old.get(name) !== next.get(name)));
  const cut = (r: RuleSetFile): RuleSetFile => {
    const { tables: _tables, tests: _tests, ...rest } = r;
    return { ...rest, rules: r.rules.filter((rule) => changed.has(rule.name)) };
  };
  return { before: cut(before), after: cut(after) };
}
