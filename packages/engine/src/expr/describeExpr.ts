import type { Locale } from '../i18n/LocalizedText.js';
import type { Expr } from './Expr.js';

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
  },
};

/** An expression in words, e.g. `向上取整(“收修台数” ÷ 10)`; fields named by `label`. */
export function describeExpr(expr: Expr, label: (fact: string) => string, locale: Locale): string {
  const w = WORDS[locale];
  const quote = (f: string) => (locale === 'zh-CN' ? `“${label(f)}”` : `'${label(f)}'`);
  const inner = (e: Expr, parent: 'mul' | 'add'): string => {
    const text = describeExpr(e, label, locale);
    const loose = typeof e === 'object' && ('add' in e || 'sub' in e);
    return parent === 'mul' && loose ? `(${text})` : text;
  };
  if (typeof expr === 'number') return String(expr);
  if ('fact' in expr) return quote(expr.fact);
  if ('add' in expr) return expr.add.map((e) => inner(e, 'add')).join(' + ');
  if ('sub' in expr) return `${inner(expr.sub[0], 'add')} − ${inner(expr.sub[1], 'mul')}`;
  if ('mul' in expr) return expr.mul.map((e) => inner(e, 'mul')).join(' × ');
  if ('div' in expr) return `${inner(expr.div[0], 'mul')} ÷ ${inner(expr.div[1], 'mul')}`;
  if ('min' in expr) return `${w.min}(${expr.min.map((e) => describeExpr(e, label, locale)).join(', ')})`;
  if ('max' in expr) return `${w.max}(${expr.max.map((e) => describeExpr(e, label, locale)).join(', ')})`;
  if ('round' in expr)
    return `${w.round}(${describeExpr(expr.round, label, locale)}${expr.digits ? `, ${w.digits.replace('{d}', String(expr.digits))}` : ''})`;
  if ('ceil' in expr) return `${w.ceil}(${describeExpr(expr.ceil, label, locale)})`;
  if ('floor' in expr) return `${w.floor}(${describeExpr(expr.floor, label, locale)})`;
  if ('count' in expr) return w.count.replace('{f}', label(expr.count));
  return w.sum.replace('{f}', label(expr.field));
}
