import type { LocalizedText } from '../i18n/LocalizedText.js';

/** A leaf comparison: the fact, its value at evaluation time, and whether it held. */
export interface FactConditionExplanation {
  kind: 'fact';
  fact: string;
  factLabel: LocalizedText;
  /** Labels of the fact's options, to show values in words. */
  optionLabels?: Record<string, LocalizedText>;
  /** The fact is a person field: its value is a user name, read by the person's display name. */
  person?: true;
  operator: string;
  path?: string;
  value: unknown;
  /** When compared with another fact. */
  valueFact?: { fact: string; label: LocalizedText; value: unknown };
  factValue: unknown;
  /** undefined: not evaluated (json-rules-engine stopped early, the outcome was already decided). */
  result?: boolean;
}

export interface GroupConditionExplanation {
  kind: 'all' | 'any' | 'not';
  result?: boolean;
  children: ConditionExplanation[];
  /** Name (code) of the shared condition this group came from. */
  reference?: string;
  /** What people read for that shared condition (the rule set's `conditionTitles`). */
  referenceTitle?: LocalizedText;
}

export type ConditionExplanation = FactConditionExplanation | GroupConditionExplanation;

/** Why one rule did or did not apply to the record. */
export interface RuleExplanation {
  ruleSet: string;
  version: number;
  rule: string;
  title: LocalizedText;
  catalog: string[];
  enabled: boolean;
  fired: boolean;
  conditions?: ConditionExplanation;
}
