import { describe, expect, it } from 'vitest';
import type { DerivedFact, Locale, LocalizedText } from '@aftersales/engine';
import { adminEn } from '../../i18n/admin.en';
import { adminZhCN } from '../../i18n/admin.zh-CN';
import { factSpokenNames, type FactWordings } from './factWords';

/** The words of the dictionaries of one language, as the facts tab fills them. */
function wordings(locale: Locale): FactWordings {
  const messages = locale === 'en' ? adminEn : adminZhCN;
  const fill = (template: string, params: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key]));
  return {
    named: (label) => fill(messages['facts.spoken.named'], { label }),
    numbered: (n) => fill(messages['facts.spoken.numbered'], { n }),
    sameName: (label, n) => fill(messages['facts.spoken.sameName'], { label, n }),
  };
}

/** The interface's `text`: the label in its language, else the other one. */
const textIn = (locale: Locale) => (label: LocalizedText | undefined) =>
  label ? label[locale] || label[locale === 'en' ? 'zh-CN' : 'en'] || '' : '';

const fact = (zh: string, en: string): DerivedFact => ({ kind: 'days', from: 'callTime', label: { 'zh-CN': zh, en } });

const FACTS: Record<string, DerivedFact> = {
  discountsThisWeek: fact('本周打折单数', 'Discounts this week'),
  unitsDays: fact('', ''),
  daysSincePurchase: fact('购买至来电天数', ''),
  revenueDays: fact('  ', 'Days to hand over revenue'),
};

describe('factSpokenNames', () => {
  it('when facts have names, then each is named by its name in the interface language (the other one when missing), else by its place', () => {
    expect(factSpokenNames(FACTS, textIn('zh-CN'), wordings('zh-CN'))).toEqual({
      discountsThisWeek: '事实“本周打折单数”',
      unitsDays: '第 2 个事实',
      daysSincePurchase: '事实“购买至来电天数”',
      revenueDays: '第 4 个事实',
    });
    expect(factSpokenNames(FACTS, textIn('en'), wordings('en'))).toEqual({
      discountsThisWeek: 'Fact "Discounts this week"',
      unitsDays: 'Fact 2',
      daysSincePurchase: 'Fact "购买至来电天数"',
      revenueDays: 'Fact "Days to hand over revenue"',
    });
  });

  it('when two facts have the same name, then each also says its place, so no two facts are named alike', () => {
    const facts = { first: fact('折扣次数', 'Discounts'), other: fact('到场天数', ''), second: fact('折扣次数', 'Discounts') };
    const names = factSpokenNames(facts, textIn('zh-CN'), wordings('zh-CN'));
    expect(names).toEqual({ first: '第 1 个事实“折扣次数”', other: '事实“到场天数”', second: '第 3 个事实“折扣次数”' });
    const en = factSpokenNames(facts, textIn('en'), wordings('en'));
    expect(new Set(Object.values(en)).size).toBe(3);
  });

  it('when facts are named in either language, then no name holds a code', () => {
    for (const locale of ['zh-CN', 'en'] as const)
      for (const name of Object.values(factSpokenNames(FACTS, textIn(locale), wordings(locale))))
        for (const code of Object.keys(FACTS)) expect(name).not.toMatch(new RegExp(`\\b${code}\\b`));
  });
});
