import { describe, expect, it } from 'vitest';
import type { RuleSetFile } from '@aftersales/engine';
import { renameFact } from './renameFact';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const ruleSet: RuleSetFile = {
  id: 'f.r',
  form: 'f',
  title: t('规则', 'Rules'),
  facts: {
    jiSuanZhi: { kind: 'computed', label: t('计算值', '计算值'), value: { mul: [{ fact: 'fee' }, 0.05] } },
    shuiHou: { kind: 'computed', label: t('税后', '税后'), value: { add: [{ fact: 'jiSuanZhi' }, 1] } },
    jieZhi: { kind: 'computed', label: t('截止', '截止'), value: { addDays: [{ fact: 'callTime' }, 2] } },
    yongShi: { kind: 'workingHours', from: 'jieZhi', to: 'arrivalTime', label: t('用时', '用时') },
    ciShu: {
      kind: 'history',
      type: 'integer',
      label: t('次数', '次数'),
      query: { aggregate: 'count', window: { unit: 'week' }, where: [{ field: 'advisor', op: 'eq', value: { fact: 'jiSuanZhi' } }] },
    },
  },
  conditions: { gao: { all: [{ fact: 'jiSuanZhi', operator: 'greaterThan', value: 10 }] } },
  rules: [
    {
      name: 'a',
      title: t('甲', 'A'),
      conditions: { all: [{ fact: 'fee', operator: 'lessThan', value: { fact: 'jiSuanZhi' } }, { condition: 'gao' }] },
      event: {
        type: 'fine',
        params: { payer: { role: 'tech' }, amount: { round: { fact: 'jiSuanZhi' }, digits: 2 }, reason: t('罚', 'Fine') },
      },
    } as never,
    {
      name: 'b',
      title: t('乙', 'B'),
      conditions: { all: [{ fact: 'jiSuanZhi', operator: 'isFilled', value: true }] },
      event: {
        type: 'deadline',
        params: { key: 'daoChang', what: t('到场', 'Arrival'), from: 'jiSuanZhi', limit: { unit: 'hours', amount: { fact: 'jiSuanZhi' } } },
      },
    } as never,
  ],
  tests: [{ name: 'x', record: {}, now: '2025-10-09T01:00:00.000Z', expectFired: [], history: { jiSuanZhi: 3, ciShu: 1 } }],
};

describe('renameFact', () => {
  it('when a fact gets a new code, then the fact keeps its place and every condition, formula, deadline, other fact and test case follows', () => {
    const next = renameFact(ruleSet, 'jiSuanZhi', 'yongJin');
    expect(Object.keys(next.facts!)).toEqual(['yongJin', 'shuiHou', 'jieZhi', 'yongShi', 'ciShu']);
    expect(next.facts!.shuiHou).toEqual({ kind: 'computed', label: t('税后', '税后'), value: { add: [{ fact: 'yongJin' }, 1] } });
    expect(next.conditions!.gao).toEqual({ all: [{ fact: 'yongJin', operator: 'greaterThan', value: 10 }] });
    expect(next.rules[0]!.conditions).toEqual({
      all: [{ fact: 'fee', operator: 'lessThan', value: { fact: 'yongJin' } }, { condition: 'gao' }],
    });
    expect(next.rules[1]!.event).toMatchObject({ params: { from: 'yongJin', limit: { amount: { fact: 'yongJin' } } } });
    expect(next.tests![0]!.history).toEqual({ yongJin: 3, ciShu: 1 });
    expect(JSON.stringify(next)).not.toContain('jiSuanZhi');
    // Nothing else moves.
    expect(next.facts!.jieZhi).toEqual(ruleSet.facts!.jieZhi);
    expect(JSON.stringify(renameFact(next, 'yongJin', 'jiSuanZhi'))).toBe(JSON.stringify(ruleSet));
  });

  it('when a date fact is renamed, then time measured from it follows', () => {
    expect(renameFact(ruleSet, 'jieZhi', 'zuiWan').facts!.yongShi).toEqual({
      kind: 'workingHours',
      from: 'zuiWan',
      to: 'arrivalTime',
      label: t('用时', '用时'),
    });
  });

  it('when the new code is another fact, then nothing changes', () => {
    expect(renameFact(ruleSet, 'jiSuanZhi', 'shuiHou')).toBe(ruleSet);
  });
});
