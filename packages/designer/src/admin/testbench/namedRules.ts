import type { LocalizedText, RuleSetFile } from '@aftersales/engine';

/** A rule a saved case names: its title, or none when the rule is no longer in the set (only its name is left to show, marked). */
export interface NamedRule {
  name: string;
  title?: LocalizedText;
}

/** The rules a saved case names (those it expects to fire, or a run's missing and unexpected ones), as people read them. */
export function namedRules(names: readonly string[], ruleSet: Pick<RuleSetFile, 'rules'>): NamedRule[] {
  return names.map((name) => {
    const title = ruleSet.rules.find((r) => r.name === name)?.title;
    return title ? { name, title } : { name };
  });
}
