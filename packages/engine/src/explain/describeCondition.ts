import { pickText, type Locale, type LocalizedText } from '../i18n/LocalizedText.js';
import { parseOperator, type DecoratorName, type OperatorName } from '../rules/operators.js';
import { enumKey } from '../forms/enumKey.js';
import { CUSTOM_OPERATORS } from '../rules/customOperators.js';
import type { ConditionExplanation, FactConditionExplanation } from './Explanation.js';
import { formatLocalDate, formatLocalTime, localYear } from '../i18n/localTime.js';
import type { PersonName } from '../forms/recordName.js';

/**
 * How values read: times in the stores' zone (default Asia/Shanghai), the year left out when it is
 * now's; people by `personName` (a person field holds a user name).
 */
export interface DescribeConditionOptions {
  timeZone?: string;
  now?: Date | string;
  personName?: PersonName;
}

const OPERATOR_WORDS: Record<OperatorName, LocalizedText> = {
  equal: { 'zh-CN': '等于', en: 'is' },
  notEqual: { 'zh-CN': '不等于', en: 'is not' },
  lessThan: { 'zh-CN': '小于', en: 'is less than' },
  lessThanInclusive: { 'zh-CN': '小于等于', en: 'is at most' },
  greaterThan: { 'zh-CN': '大于', en: 'is more than' },
  greaterThanInclusive: { 'zh-CN': '大于等于', en: 'is at least' },
  in: { 'zh-CN': '属于', en: 'is one of' },
  notIn: { 'zh-CN': '不属于', en: 'is none of' },
  contains: { 'zh-CN': '包含', en: 'contains' },
  doesNotContain: { 'zh-CN': '不包含', en: 'does not contain' },
  isFilled: { 'zh-CN': '已填写', en: 'is filled' },
  isEmpty: { 'zh-CN': '未填写', en: 'is empty' },
  hasAny: { 'zh-CN': '至少有一项', en: 'has any' },
  hasNone: { 'zh-CN': '一项也没有', en: 'has none' },
};

/** Operators that read only the fact: no value is shown after them. */
const UNARY = new Set<string>(Object.keys(CUSTOM_OPERATORS));

const DECORATOR_WORDS: Record<DecoratorName, LocalizedText> = {
  someFact: { 'zh-CN': '其中某项', en: 'some item' },
  everyFact: { 'zh-CN': '每一项', en: 'every item' },
  someValue: { 'zh-CN': '（任一值）', en: '(any value)' },
  everyValue: { 'zh-CN': '（所有值）', en: '(every value)' },
  swap: { 'zh-CN': '（反向比较）', en: '(swapped)' },
  not: { 'zh-CN': '并非', en: 'not' },
};

const GROUP_WORDS: Record<'all' | 'any' | 'not', LocalizedText> = {
  all: { 'zh-CN': '以下条件全部满足', en: 'all of these hold' },
  any: { 'zh-CN': '以下条件至少一个满足', en: 'at least one of these holds' },
  not: { 'zh-CN': '以下条件不成立', en: 'this does not hold' },
};

const MARK = { true: '✓', false: '✗', undefined: '–' } as const;

/** A condition in words: "区域 等于 市区 ✓（实际：市区）" / "Zone is Urban ✓ (actual: Urban)". */
export function describeCondition(condition: FactConditionExplanation, locale: Locale, options: DescribeConditionOptions = {}): string {
  const parsed = parseOperator(condition.operator);
  const decorators = parsed?.decorators.map((d) => pickText(DECORATOR_WORDS[d], locale)) ?? [];
  const operator = parsed ? pickText(OPERATOR_WORDS[parsed.operator], locale) : condition.operator;
  const label = pickText(condition.factLabel, locale);
  const target = condition.valueFact
    ? pickText(condition.valueFact.label, locale)
    : formatValue(condition.value, condition, locale, options);
  const actual = formatValue(condition.factValue, condition, locale, options);
  const mark = MARK[String(condition.result) as keyof typeof MARK];
  const tail =
    condition.result === undefined
      ? locale === 'en'
        ? 'not evaluated'
        : '未判断'
      : locale === 'en'
        ? `actual: ${actual}`
        : `实际：${actual}`;
  const unary = parsed !== undefined && UNARY.has(parsed.operator);
  const words = [...decorators, label, operator, ...(unary ? [] : [target])].join(' ');
  return locale === 'en' ? `${words} ${mark} (${tail})` : `${words} ${mark}（${tail}）`;
}

/** The whole condition tree as indented lines. */
export function describeConditionTree(
  condition: ConditionExplanation,
  locale: Locale,
  depth = 0,
  options: DescribeConditionOptions = {},
): string[] {
  const indent = '  '.repeat(depth);
  if (condition.kind === 'fact') return [indent + describeCondition(condition, locale, options)];
  const mark = MARK[String(condition.result) as keyof typeof MARK];
  const group = pickText(GROUP_WORDS[condition.kind], locale);
  // A shared condition is said by its name ("市区来电 成立 ✓：以下条件全部满足"); one without a name as
  // "a shared condition", never by its code.
  const sharedName = condition.referenceTitle ? pickText(condition.referenceTitle, locale) : pickText(UNNAMED_SHARED, locale);
  const head =
    condition.reference === undefined
      ? `${group} ${mark}`
      : `${sharedConditionHolds(sharedName, locale)} ${mark}${locale === 'en' ? ': ' : '：'}${group}`;
  return [`${indent}${head}`, ...condition.children.flatMap((child) => describeConditionTree(child, locale, depth + 1, options))];
}

/** What a shared condition without a title is called. */
export const UNNAMED_SHARED = { 'zh-CN': '共享条件', en: 'The shared condition' };

/** "市区来电 成立" / "Urban call holds": a shared condition named in a sentence. */
export function sharedConditionHolds(name: string, locale: Locale): string {
  return locale === 'en' ? `${name} holds` : `${name} 成立`;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatValue(value: unknown, condition: FactConditionExplanation, locale: Locale, options: DescribeConditionOptions): string {
  if (value === null || value === undefined || value === '') return locale === 'en' ? '(empty)' : '（空）';
  if (Array.isArray(value)) return value.map((v) => formatValue(v, condition, locale, options)).join(locale === 'en' ? ', ' : '、');
  if (typeof value === 'boolean') return value ? (locale === 'en' ? 'yes' : '是') : locale === 'en' ? 'no' : '否';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  const option = condition.optionLabels?.[enumKey(value)];
  if (option) return pickText(option, locale);
  if (condition.person && typeof value === 'string' && options.personName) return options.personName(value);
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  // Times and dates as people read them, never ISO.
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    return formatLocalTime(value, locale, { timeZone, ...(options.now === undefined ? {} : { now: options.now }) });
  if (typeof value === 'string' && DATE.test(value))
    return formatLocalDate(value, locale, options.now === undefined ? undefined : { year: localYear(options.now, timeZone) });
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
