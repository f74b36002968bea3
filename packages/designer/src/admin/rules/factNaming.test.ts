import { describe, expect, it } from 'vitest';
import type { DerivedFact } from '@aftersales/engine';
import { factCodeAfterRename, namedFactOfKind, namedNewFact } from './factNaming';

const context = { dateFields: ['callTime'], numericFacts: ['fee'] };
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('facts named in words', () => {
  it('when a fact is added, then it has a Chinese name only and a code made from it, both unique', () => {
    const first = namedNewFact('workingHours', {}, context);
    expect(first).toEqual({ name: 'gongZuoXiaoShi', fact: { kind: 'workingHours', from: 'callTime', label: t('工作小时', '工作小时') } });
    const second = namedNewFact('workingHours', { [first.name]: first.fact }, context);
    expect(second.name).toBe('gongZuoXiaoShi2');
    expect(second.fact.label).toEqual(t('工作小时2', '工作小时2'));
  });

  it('when a new fact is renamed, then its code follows the name; an existing or edited code is kept', () => {
    const { name, fact } = namedNewFact('computed', {}, context);
    expect(name).toBe('jiSuanZhi');
    expect(factCodeAfterRename(name, fact.label, t('含税金额', ''), { [name]: fact })).toBe('hanShuiJinE');
    const existing: Record<string, DerivedFact> = { discountsThisWeek: { ...fact, label: t('本周打折单数', 'Discounts this week') } };
    expect(factCodeAfterRename('discountsThisWeek', t('本周打折单数', ''), t('本周折扣单数', ''), existing)).toBe('discountsThisWeek');
  });

  it('when a renamed code would be another fact, then a number makes it unique', () => {
    const facts: Record<string, DerivedFact> = {
      hanShuiJinE: namedNewFact('computed', {}, context).fact,
      jiSuanZhi: namedNewFact('computed', {}, context).fact,
    };
    expect(factCodeAfterRename('jiSuanZhi', t('计算值', '计算值'), t('含税金额', ''), facts)).toBe('hanShuiJinE2');
  });

  it('when a new fact changes kind, then its untouched name and code become those of the new kind; a given name stays', () => {
    const { name, fact } = namedNewFact('workingHours', {}, context);
    const changed = namedFactOfKind(name, fact, 'computed', { [name]: fact }, context);
    expect(changed.name).toBe('jiSuanZhi');
    expect(changed.fact.label).toEqual(t('计算值', '计算值'));
    const named = { ...fact, label: t('到场用时', '到场用时') };
    expect(namedFactOfKind('daoChangYongShi', named, 'days', { daoChangYongShi: named }, context)).toEqual({
      name: 'daoChangYongShi',
      fact: { kind: 'days', from: 'callTime', label: t('到场用时', '到场用时') },
    });
  });
});
