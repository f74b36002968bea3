import type { FormDefinition } from '../forms/FormDefinition.js';
import { enumKey } from '../forms/enumKey.js';
import { pickText, type Locale, type LocalizedText } from '../i18n/LocalizedText.js';
import { sharedConditionHolds, UNNAMED_SHARED } from './describeCondition.js';
import { describeExpr } from '../expr/describeExpr.js';
import type { Expr } from '../expr/Expr.js';
import type { DeadlineUnit, OutcomeEvent, Party } from '../outcome/OutcomeEvent.js';
import { factCatalog } from '../rules/factCatalog.js';
import { parseOperator } from '../rules/operators.js';
import type { NestedCondition, RuleDefinition, RuleSetFile, TopLevelCondition } from '../rules/RuleSetFile.js';

/** What a rule's sentence names things by: the form (field labels, options, statuses), the rule set (facts, shared conditions), role names. */
export interface SentenceContext {
  form: FormDefinition;
  ruleSet: Pick<RuleSetFile, 'facts' | 'conditions' | 'conditionTitles'>;
  roleLabel: (role: string) => LocalizedText | undefined;
}

const W = {
  'zh-CN': {
    when: '当 {c} → {o}',
    always: '总是',
    and: ' 且 ',
    or: ' 或 ',
    not: '并非（{c}）',
    some: '某一行的',
    every: '每一行的',
    empty: '空',
    yes: '是',
    no: '否',
    approval: '{role}在“{status}”前审批',
    fine: '罚 {payer} {amount}（{reason}）',
    deadline: '{what}：{from}起 {amount} {unit}内完成',
    deadlineOwner: '（{owner}负责）',
    breachFine: '，超时罚 {payer} {amount}',
    amount: '计算“{label}” = {value}',
    block: '{message}：不能进入“{status}”',
    blockSave: '{message}：不能保存',
    notify: '通知{to}：{message}',
    list: '、',
  },
  en: {
    when: 'When {c} → {o}',
    always: 'always',
    and: ' and ',
    or: ' or ',
    not: 'not ({c})',
    some: 'some line: ',
    every: 'every line: ',
    empty: 'empty',
    yes: 'yes',
    no: 'no',
    approval: '{role} approves before "{status}"',
    fine: 'fine {payer} {amount} ({reason})',
    deadline: '{what}: within {amount} {unit} of {from}',
    deadlineOwner: ' ({owner} in charge)',
    breachFine: '; late: fine {payer} {amount}',
    amount: 'compute "{label}" = {value}',
    block: '{message}: cannot move to "{status}"',
    blockSave: '{message}: cannot be saved',
    notify: 'notify {to}: {message}',
    list: ', ',
  },
};

const OPS: Record<string, LocalizedText> = {
  equal: { 'zh-CN': '=', en: '=' },
  notEqual: { 'zh-CN': '≠', en: '≠' },
  lessThan: { 'zh-CN': '<', en: '<' },
  lessThanInclusive: { 'zh-CN': '≤', en: '≤' },
  greaterThan: { 'zh-CN': '>', en: '>' },
  greaterThanInclusive: { 'zh-CN': '≥', en: '≥' },
  in: { 'zh-CN': '属于', en: 'is one of' },
  notIn: { 'zh-CN': '不属于', en: 'is none of' },
  contains: { 'zh-CN': '包含', en: 'contains' },
  doesNotContain: { 'zh-CN': '不包含', en: 'does not contain' },
  isFilled: { 'zh-CN': '已填写', en: 'is filled' },
  isEmpty: { 'zh-CN': '未填写', en: 'is empty' },
  hasAny: { 'zh-CN': '至少有一项', en: 'has any' },
  hasNone: { 'zh-CN': '一项也没有', en: 'has none' },
};

const UNITS: Record<DeadlineUnit, LocalizedText> = {
  workingHours: { 'zh-CN': '工作小时', en: 'working hours' },
  workingDays: { 'zh-CN': '个工作日', en: 'working days' },
  hours: { 'zh-CN': '小时', en: 'hours' },
  days: { 'zh-CN': '天', en: 'days' },
  months: { 'zh-CN': '个月', en: 'months' },
  endOfWorkingDay: { 'zh-CN': '分钟（当天下班前）', en: 'minutes before the close of the working day' },
  dayOfNextMonth: { 'zh-CN': '日（次月）', en: 'th of the next month' },
};

/** Unary operators (the product's own): no value after them. */
const UNARY = new Set(['isFilled', 'isEmpty', 'hasAny', 'hasNone']);

/**
 * A rule as one sentence, from labels, role names and status names (never ids):
 * "当 安装费 > 500 → 售后经理在“已验收”前审批" / "When Installation fee > 500 → After-sales manager approves before "Accepted"".
 */
export function ruleSentence(rule: Pick<RuleDefinition, 'conditions' | 'event'>, context: SentenceContext, locale: Locale): string {
  const w = W[locale];
  return w.when
    .replace('{c}', conditionSentence(rule.conditions, context, locale))
    .replace('{o}', outcomeSentence(rule.event, context, locale));
}

/** A condition tree in words: "安装费 > 500 且 （区域 = 市区 或 完工时间 已填写）". */
export function conditionSentence(condition: TopLevelCondition, context: SentenceContext, locale: Locale): string {
  const w = W[locale];
  const catalog = factCatalog(context.form, context.ruleSet);
  const label = (fact: string) => {
    const d = catalog(fact);
    return d?.label ? d.label[locale] : fact;
  };
  const seen = new Set<string>();
  const walk = (c: NestedCondition, nested: boolean): string => {
    if ('all' in c || 'any' in c) {
      const parts = ('all' in c ? c.all : c.any).map((x) => walk(x, true));
      if (parts.length === 0) return w.always;
      const text = parts.join('all' in c ? w.and : w.or);
      if (!nested || parts.length < 2) return text;
      return locale === 'en' ? `(${text})` : `（${text}）`;
    }
    if ('not' in c) return w.not.replace('{c}', walk(c.not, false));
    if ('condition' in c) {
      const shared =
        context.ruleSet.conditions && Object.hasOwn(context.ruleSet.conditions, c.condition)
          ? context.ruleSet.conditions[c.condition]
          : undefined;
      // Said by its name ("市区来电 成立"); a shared condition without a name reads as its conditions.
      const title = context.ruleSet.conditionTitles?.[c.condition];
      if (title && Object.hasOwn(context.ruleSet.conditionTitles ?? {}, c.condition))
        return sharedConditionHolds(pickText(title, locale), locale);
      // Never its code: a reference the rule set lacks (the checker reports it) or one met again inside itself.
      if (!shared) return locale === 'en' ? '(a shared condition that no longer exists)' : '（已不存在的共享条件）';
      if (seen.has(c.condition)) return sharedConditionHolds(pickText(UNNAMED_SHARED, locale), locale);
      seen.add(c.condition);
      const text = walk(shared, nested);
      seen.delete(c.condition);
      return text;
    }
    const parsed = parseOperator(c.operator);
    const base = parsed?.operator ?? c.operator;
    const decorators = parsed?.decorators ?? [];
    const prefix = decorators.includes('someFact') ? w.some : decorators.includes('everyFact') ? w.every : '';
    const negate = decorators.includes('not');
    const op = OPS[base]?.[locale] ?? base;
    const subject = `${prefix}${label(c.fact)}`;
    const leaf = UNARY.has(base) ? `${subject} ${op}` : `${subject} ${op} ${valueWords(c.value, c.fact)}`;
    return negate ? w.not.replace('{c}', leaf) : leaf;
  };
  const valueWords = (value: unknown, fact: string): string => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string')
      return label((value as { fact: string }).fact);
    if (Array.isArray(value)) return value.map((v) => valueWords(v, fact)).join(w.list);
    if (value === null || value === undefined || value === '') return w.empty;
    if (typeof value === 'boolean') return value ? w.yes : w.no;
    const d = catalog(fact);
    const option = d?.enumTitles?.[enumKey(value)] ?? d?.items?.enumTitles?.[enumKey(value)];
    if (option) return option[locale];
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? (locale === 'en' ? `"${value}"` : `“${value}”`) : JSON.stringify(value);
  };
  return walk(condition, false);
}

/** What a rule does, in words: "售后经理在“已验收”前审批". */
export function outcomeSentence(event: OutcomeEvent, context: SentenceContext, locale: Locale): string {
  const w = W[locale];
  const catalog = factCatalog(context.form, context.ruleSet);
  const label = (fact: string) => catalog(fact)?.label?.[locale] ?? fact;
  const role = (id: string) => context.roleLabel(id)?.[locale] ?? id;
  const party = (p: Party) => role(p.role);
  const status = (id: string) => context.form.statusFlow?.states.find((s) => s.id === id)?.label[locale] ?? id;
  const formula = (e: Expr) => describeExpr(e, label, locale);
  const money = (e: Expr) => (typeof e === 'number' ? `¥${e}` : formula(e));
  const fill = (template: string, parts: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => parts[k] ?? '');
  switch (event.type) {
    case 'approval':
      return fill(w.approval, { role: role(event.params.approver), status: status(event.params.before) });
    case 'fine':
      return fill(w.fine, { payer: party(event.params.payer), amount: money(event.params.amount), reason: event.params.reason[locale] });
    case 'deadline': {
      const p = event.params;
      let text = fill(w.deadline, {
        what: p.what[locale],
        from: label(p.from),
        amount: formula(p.limit.amount),
        unit: UNITS[p.limit.unit][locale],
      });
      if (p.owner) text += fill(w.deadlineOwner, { owner: party(p.owner) });
      for (const f of p.onBreach?.fines ?? []) text += fill(w.breachFine, { payer: party(f.payer), amount: money(f.amount) });
      return text;
    }
    case 'amount':
      return fill(w.amount, { label: event.params.label[locale], value: formula(event.params.value) });
    case 'block':
      return event.params.before === undefined
        ? fill(w.blockSave, { message: event.params.message[locale] })
        : fill(w.block, { message: event.params.message[locale], status: status(event.params.before) });
    case 'notify':
      return fill(w.notify, { to: party(event.params.to), message: event.params.message[locale] });
  }
}
