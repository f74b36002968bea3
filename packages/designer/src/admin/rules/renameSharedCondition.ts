import type { RuleSetFile, TopLevelCondition } from '@aftersales/engine';

/** A condition tree with every `{ condition: from }` reference pointing at `to`. */
function renamedIn<T>(node: T, from: string, to: string): T {
  if (Array.isArray(node)) return node.map((child: unknown) => renamedIn(child, from, to)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'condition' && value === from ? to : renamedIn(value, from, to);
  return out as T;
}

/**
 * The rule set with a shared condition's code changed from `from` to `to`: the condition, its title,
 * and every rule and shared condition that refers to it (a rename never leaves a rule pointing nowhere).
 */
export function renameSharedCondition(ruleSet: RuleSetFile, from: string, to: string): RuleSetFile {
  if (from === to || !ruleSet.conditions || !Object.hasOwn(ruleSet.conditions, from)) return ruleSet;
  const conditions: Record<string, TopLevelCondition> = {};
  for (const [name, condition] of Object.entries(ruleSet.conditions))
    conditions[name === from ? to : name] = renamedIn(condition, from, to);
  const next: RuleSetFile = {
    ...ruleSet,
    conditions,
    rules: ruleSet.rules.map((rule) => ({ ...rule, conditions: renamedIn(rule.conditions, from, to) })),
  };
  if (ruleSet.conditionTitles) {
    next.conditionTitles = Object.fromEntries(
      Object.entries(ruleSet.conditionTitles).map(([name, title]) => [name === from ? to : name, title]),
    );
  }
  return next;
}
