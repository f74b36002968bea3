import type { NestedCondition, TopLevelCondition } from '../rules/RuleSetFile.js';
import { asFactReference } from '../rules/checkConditionTree.js';
import type { FactCatalog } from '../rules/factCatalog.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { ConditionExplanation, FactConditionExplanation } from './Explanation.js';

/** json-rules-engine's evaluated condition tree (RuleResult.conditions). */
export interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/**
 * Walks the rule's own condition tree beside json-rules-engine's evaluated one, so every
 * leaf gets its label, its fact value and whether it held, and shared conditions keep their name and title.
 */
export function explainConditions(
  definition: NestedCondition,
  evaluated: EvaluatedCondition | undefined,
  facts: FactCatalog,
  shared: Readonly<Record<string, TopLevelCondition>>,
  titles: Readonly<Record<string, LocalizedText>> = {},
): ConditionExplanation {
  if ('condition' in definition) {
    const target = Object.hasOwn(shared, definition.condition) ? shared[definition.condition] : undefined;
    const inner = target ? explainConditions(target, evaluated, facts, shared, titles) : { kind: 'all' as const, children: [] };
    if (inner.kind === 'fact') return inner;
    const title = Object.hasOwn(titles, definition.condition) ? titles[definition.condition] : undefined;
    return { ...inner, reference: definition.condition, ...(title ? { referenceTitle: title } : {}) };
  }
  if ('all' in definition || 'any' in definition) {
    const kind = 'all' in definition ? 'all' : 'any';
    const list = 'all' in definition ? definition.all : definition.any;
    const results = evaluated?.[kind];
    const children = list.map((child, i) => explainConditions(child, results?.[i], facts, shared, titles));
    return { kind, children, ...resultOf(kind, children) };
  }
  if ('not' in definition) {
    const child = explainConditions(definition.not, evaluated?.not, facts, shared, titles);
    return { kind: 'not', children: [child], ...(child.result === undefined ? {} : { result: !child.result }) };
  }
  const fact = facts(definition.fact);
  const leaf: FactConditionExplanation = {
    kind: 'fact',
    fact: definition.fact,
    factLabel: fact?.label ?? plain(definition.fact),
    operator: definition.operator,
    value: definition.value,
    factValue: evaluated && 'factResult' in evaluated ? (evaluated.factResult ?? null) : null,
  };
  if (fact?.enumTitles) leaf.optionLabels = fact.enumTitles;
  if (fact?.kind === 'person') leaf.person = true;
  if (definition.path) leaf.path = definition.path;
  const valueRef = asFactReference(definition.value);
  if (valueRef !== undefined) {
    leaf.valueFact = { fact: valueRef, label: facts(valueRef)?.label ?? plain(valueRef), value: evaluated?.valueResult ?? null };
  }
  if (typeof evaluated?.result === 'boolean') leaf.result = evaluated.result;
  return leaf;
}

function resultOf(kind: 'all' | 'any', children: ConditionExplanation[]): { result?: boolean } {
  const results = children.map((c) => c.result);
  if (kind === 'all') {
    if (results.includes(false)) return { result: false };
    return results.every((r) => r === true) ? { result: true } : {};
  }
  if (results.includes(true)) return { result: true };
  return results.every((r) => r === false) ? { result: false } : {};
}

const plain = (text: string): LocalizedText => ({ 'zh-CN': text, en: text });
