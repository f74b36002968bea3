import type { Locale } from '../i18n/LocalizedText.js';
import type { Expr, ExprTest, ExprTestOp } from './Expr.js';

const WORDS = {
  'zh-CN': {
    min: '较小值',
    max: '较大值',
    round: '四舍五入',
    digits: '保留 {d} 位小数',
    ceil: '向上取整',
    floor: '向下取整',
    count: '“{f}”的行数',
    sum: '“{f}”合计',
    addDays: '{a} 加 {n} 天',
    addMonths: '{a} 加 {n} 个月',
    addYears: '{a} 加 {n} 年',
    daysBetween: '{a} 到 {b} 的天数',
    workingDaysBetween: '{a} 到 {b} 的工作日数',
    if: '如果 {test}，则 {then}，否则 {else}',
    yes: '是',
    no: '否',
  },
  en: {
    min: 'min',
    max: 'max',
    round: 'round',
    digits: '{d} decimals',
    ceil: 'round up',
    floor: 'round down',
    count: "lines of '{f}'",
    sum: "sum of '{f}'",
    addDays: '{a} + {n} days',
    addMonths: '{a} + {n} months',
    addYears: '{a} + {n} years',
    daysBetween: 'days from {a} to {b}',
    workingDaysBetween: 'working days from {a} to {b}',
    if: 'if {test} then {then}, else {else}',
    yes: 'yes',
    no: 'no',
  },
};

const TEST_WORDS: Record<ExprTestOp, { 'zh-CN': string; en: string }> = {
  eq: { 'zh-CN': '等于', en: 'is' },
  ne: { 'zh-CN': '不等于', en: 'is not' },
  lt: { 'zh-CN': '小于', en: 'is less than' },
  lte: { 'zh-CN': '小于等于', en: 'is at most' },
  gt: { 'zh-CN': '大于', en: 'is more than' },
  gte: { 'zh-CN': '大于等于', en: 'is at least' },
  filled: { 'zh-CN': '已填写', en: 'is filled' },
  empty: { 'zh-CN': '未填写', en: 'is empty' },
};

/** An option's label for a value a condition compares with (undefined: the value as it is). */
export type OptionLabel = (fact: string, value: unknown) => string | undefined;

/** An expression in words, e.g. `向上取整(“收修台数” ÷ 10)`; fields named by `label`. */
export function describeExpr(expr: Expr, label: (fact: string) => string, locale: Locale, optionLabel?: OptionLabel): string {
  const w = WORDS[locale];
  const again = (e: Expr) => describeExpr(e, label, locale, optionLabel);
  const quote = (f: string) => (locale === 'zh-CN' ? `“${label(f)}”` : `'${label(f)}'`);
  const inner = (e: Expr, parent: 'mul' | 'add'): string => {
    const text = again(e);
    const loose = typeof e === 'object' && ('add' in e || 'sub' in e || 'if' in e);
    return parent === 'mul' && loose ? `(${text})` : text;
  };
  const fill = (template: string, parts: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => parts[k] ?? '');
  if (typeof expr === 'number') return String(expr);
  if ('fact' in expr) return quote(expr.fact);
  if ('add' in expr) return expr.add.map((e) => inner(e, 'add')).join(' + ');
  if ('sub' in expr) return `${inner(expr.sub[0], 'add')} − ${inner(expr.sub[1], 'mul')}`;
  if ('mul' in expr) return expr.mul.map((e) => inner(e, 'mul')).join(' × ');
  if ('div' in expr) return `${inner(expr.div[0], 'mul')} ÷ ${inner(expr.div[1], 'mul')}`;
  if ('min' in expr) return `${w.min}(${expr.min.map(again).join(', ')})`;
  if ('max' in expr) return `${w.max}(${expr.max.map(again).join(', ')})`;
  if ('round' in expr) return `${w.round}(${again(expr.round)}${expr.digits ? `, ${w.digits.replace('{d}', String(expr.digits))}` : ''})`;
  if ('ceil' in expr) return `${w.ceil}(${again(expr.ceil)})`;
  if ('floor' in expr) return `${w.floor}(${again(expr.floor)})`;
  if ('count' in expr) return w.count.replace('{f}', label(expr.count));
  if ('sum' in expr) return w.sum.replace('{f}', label(expr.field));
  if ('addDays' in expr) return fill(w.addDays, { a: inner(expr.addDays[0], 'mul'), n: inner(expr.addDays[1], 'mul') });
  if ('addMonths' in expr) return fill(w.addMonths, { a: inner(expr.addMonths[0], 'mul'), n: inner(expr.addMonths[1], 'mul') });
  if ('addYears' in expr) return fill(w.addYears, { a: inner(expr.addYears[0], 'mul'), n: inner(expr.addYears[1], 'mul') });
  if ('daysBetween' in expr) return fill(w.daysBetween, { a: again(expr.daysBetween[0]), b: again(expr.daysBetween[1]) });
  if ('workingDaysBetween' in expr)
    return fill(w.workingDaysBetween, { a: again(expr.workingDaysBetween[0]), b: again(expr.workingDaysBetween[1]) });
  return fill(w.if, { test: describeTest(expr.if, quote, locale, optionLabel), then: again(expr.then), else: again(expr.else) });
}

function describeTest(t: ExprTest, quote: (f: string) => string, locale: Locale, optionLabel?: OptionLabel): string {
  const op = TEST_WORDS[t.op][locale];
  if (t.op === 'filled' || t.op === 'empty' || t.value === undefined) return `${quote(t.fact)} ${op}`;
  const value =
    optionLabel?.(t.fact, t.value) ??
    (typeof t.value === 'boolean' ? WORDS[locale][t.value ? 'yes' : 'no'] : typeof t.value === 'string' ? `“${t.value}”` : String(t.value));
  return `${quote(t.fact)} ${op} ${value}`;
}
