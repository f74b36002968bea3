import type { Locale, LocalizedText } from '../i18n/LocalizedText.js';
import type { TableOutput } from './DecisionTable.js';
import type { Expr } from '../expr/Expr.js';
import { describeExpr } from '../expr/describeExpr.js';
import { DEADLINE_UNIT_LABELS } from './tableLabels.js';
import { labelsOf } from './cellText.js';

/** Labels of the policy roles, by id. */
export type RoleLabels = Record<string, LocalizedText>;

/** An output value in words (a role's name, a unit's name, a number or formula, a text in one language). */
export function formatOutput(
  value: unknown,
  output: TableOutput,
  locale: Locale,
  roles?: RoleLabels,
  factLabel: (fact: string) => string = (f) => f,
): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    if (output.kind === 'text') return (value as LocalizedText)[locale] ?? '';
    return `${locale === 'zh-CN' ? '公式：' : 'Formula: '}${describeExpr(value as Expr, factLabel, locale)}`;
  }
  const plain = typeof value === 'string' ? value : JSON.stringify(value);
  switch (output.kind) {
    case 'number':
    case 'percent':
    case 'text':
      return plain;
    case 'role':
      return roles?.[plain]?.[locale] ?? plain;
    case 'choice':
      return DEADLINE_UNIT_LABELS[plain]?.[locale] ?? plain;
  }
}

const err = (zh: string, en: string) => ({ error: { 'zh-CN': zh, en } });

/**
 * Reads an output value typed in one language. A text keeps the other language's words from
 * `previous` (or takes the same words when it had none).
 */
export function parseOutput(
  raw: string,
  output: TableOutput,
  locale: Locale,
  options: { roles?: RoleLabels; previous?: unknown; factLabel?: (fact: string, locale: Locale) => string } = {},
): { value: unknown } | { error: LocalizedText } {
  const text = raw.trim();
  // A formula cell left as it was shown keeps its formula.
  if (output.kind === 'number' && typeof options.previous === 'object' && options.previous !== null) {
    const label = options.factLabel;
    const shown = (['zh-CN', 'en'] as const).map((l) =>
      formatOutput(options.previous, output, l, options.roles, label && ((f) => label(f, l))),
    );
    if (shown.includes(text)) return { value: options.previous };
  }
  switch (output.kind) {
    case 'number':
    case 'percent': {
      const normalized = text.replace(/[％%]$/, '').trim();
      if (!/^\d+(\.\d+)?$/.test(normalized)) return err(`“${text}”不是非负数`, `'${text}' is not a number of zero or more`);
      return { value: Number(normalized) };
    }
    case 'text': {
      if (text === '') return err('请填写文字', 'Write a text');
      const previous = options.previous as LocalizedText | undefined;
      const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
      return { value: { ...{ 'zh-CN': text, en: text }, [other]: previous?.[other] || text, [locale]: text } };
    }
    case 'role': {
      const lower = text.toLowerCase();
      const match = Object.entries(options.roles ?? {}).find(
        ([id, label]) => id.toLowerCase() === lower || label['zh-CN'] === text || label.en.toLowerCase() === lower,
      );
      if (!match) return err(`“${text}”不是已定义的角色`, `'${text}' is not a defined role`);
      return { value: match[0] };
    }
    case 'choice': {
      const lower = text.toLowerCase();
      const choices = output.choices ?? [];
      const match = choices.find(
        (c) => c.toLowerCase() === lower || labelsOf(DEADLINE_UNIT_LABELS[c]).some((l) => l.toLowerCase() === lower),
      );
      if (match) return { value: match };
      if (choices.length === 0 && text !== '') return { value: text };
      const list = choices.map((c) => DEADLINE_UNIT_LABELS[c]?.['zh-CN'] ?? c).join('、');
      const listEn = choices.map((c) => DEADLINE_UNIT_LABELS[c]?.en ?? c).join(', ');
      return err(`“${text}”不是可选项（${list}）`, `'${text}' is not one of the options (${listEn})`);
    }
  }
}
