import type { Locale } from '@aftersales/engine';

/** One part of a chart read aloud: a series or a category, with its values, each by its label. */
export interface ChartPart {
  name: string;
  values: { label: string; value: string }[];
}

/** At most this many parts are read (a list of thirty technicians is not a sentence); the rest are counted. */
export const MAX_PARTS = 10;

const PUNCTUATION: Record<Locale, { stop: string; colon: string; comma: string; semicolon: string }> = {
  'zh-CN': { stop: '。', colon: '：', comma: '，', semicolon: '；' },
  en: { stop: '. ', colon: ': ', comma: ', ', semicolon: '; ' },
};

/**
 * What a chart says, as one sentence for a screen reader, in the reader's language (ECharts' own
 * description is in Chinese whatever the language, and reads a line's points as "index, value"):
 * 每周时限达成率（按技术员）。王师傅：10月6日 33.3%，10月13日 无到期。
 */
export function chartDescription(title: string, parts: readonly ChartPart[], locale: Locale, more: (count: number) => string): string {
  const p = PUNCTUATION[locale];
  const read = parts
    .slice(0, MAX_PARTS)
    .map((part) => `${part.name}${p.colon}${part.values.map((v) => `${v.label} ${v.value}`).join(p.comma)}`)
    .join(p.semicolon);
  const rest = parts.length > MAX_PARTS ? `${p.semicolon}${more(parts.length - MAX_PARTS)}` : '';
  return `${title}${p.stop}${read}${rest}${p.stop}`.trim();
}
