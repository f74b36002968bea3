import { pickText, type Locale } from '../i18n/LocalizedText.js';
import type { RuleExplanation } from './Explanation.js';
import { describeConditionTree, type DescribeConditionOptions } from './describeCondition.js';

/** One rule's explanation as lines a person reads: the verdict, then its conditions. */
export function describeRule(rule: RuleExplanation, locale: Locale, options: DescribeConditionOptions = {}): string[] {
  const title = pickText(rule.title, locale);
  const catalog = rule.catalog.length > 0 ? ` (${rule.catalog.join(', ')})` : '';
  const verdict = !rule.enabled
    ? locale === 'en'
      ? 'switched off'
      : '已停用'
    : rule.fired
      ? locale === 'en'
        ? 'applies'
        : '适用'
      : locale === 'en'
        ? 'does not apply'
        : '不适用';
  const head = locale === 'en' ? `${title}${catalog}: ${verdict}` : `${title}${catalog}：${verdict}`;
  return [head, ...(rule.conditions ? describeConditionTree(rule.conditions, locale, 1, options) : [])];
}
