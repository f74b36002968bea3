import { describe, expect, it } from 'vitest';
import type { RuleSetFile } from '@aftersales/engine';
import { renameSharedCondition } from './renameSharedCondition';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('renameSharedCondition', () => {
  it('when a shared condition gets a new code, then its title and every rule and shared condition using it follow, in place', () => {
    const ruleSet: RuleSetFile = {
      id: 'f.r',
      form: 'f',
      title: t('规则', 'Rules'),
      conditionTitles: { gongXiang: t('不是安防故障', 'Not a security fault') },
      conditions: {
        gongXiang: { all: [{ fact: 'security', operator: 'equal', value: false }] },
        other: { any: [{ condition: 'gongXiang' }, { fact: 'zone', operator: 'equal', value: 'urban' }] },
      },
      rules: [
        {
          name: 'a',
          title: t('甲', 'A'),
          conditions: { all: [{ not: { condition: 'gongXiang' } }] },
          event: { type: 'notice', params: {} } as never,
        },
        { name: 'b', title: t('乙', 'B'), conditions: { condition: 'other' }, event: { type: 'notice', params: {} } as never },
      ],
    };
    const next = renameSharedCondition(ruleSet, 'gongXiang', 'buShiAnFang');
    expect(Object.keys(next.conditions!)).toEqual(['buShiAnFang', 'other']);
    expect(next.conditionTitles).toEqual({ buShiAnFang: t('不是安防故障', 'Not a security fault') });
    expect(next.conditions!.other).toEqual({ any: [{ condition: 'buShiAnFang' }, { fact: 'zone', operator: 'equal', value: 'urban' }] });
    expect(next.rules[0]!.conditions).toEqual({ all: [{ not: { condition: 'buShiAnFang' } }] });
    expect(next.rules[1]!.conditions).toEqual({ condition: 'other' });
    expect(JSON.stringify(next)).not.toContain('gongXiang');
  });
});
