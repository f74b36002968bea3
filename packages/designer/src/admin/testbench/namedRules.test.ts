import { describe, expect, it } from 'vitest';
import type { RuleDefinition } from '@aftersales/engine';
import { namedRules } from './namedRules';

const rule = (name: string, zh: string, en: string) =>
  ({ name, title: { 'zh-CN': zh, en }, conditions: { all: [] }, event: { type: 'flag', params: {} } }) as unknown as RuleDefinition;
const ruleSet = {
  rules: [rule('T1-urban', '市区 6 个工作小时内到场', 'Urban: on site within 6 working hours'), rule('T12', '当日派工', 'Dispatch today')],
};

describe('namedRules', () => {
  it('when a case names rules of the set, then each comes with its title in both languages, in the order named', () => {
    expect(namedRules(['T12', 'T1-urban'], ruleSet)).toEqual([
      { name: 'T12', title: { 'zh-CN': '当日派工', en: 'Dispatch today' } },
      { name: 'T1-urban', title: { 'zh-CN': '市区 6 个工作小时内到场', en: 'Urban: on site within 6 working hours' } },
    ]);
  });

  it('when a case names a rule no longer in the set, then only its name is left (no title), for the bench to mark', () => {
    expect(namedRules(['T1-urban', 'T1-gone'], ruleSet)).toEqual([
      { name: 'T1-urban', title: { 'zh-CN': '市区 6 个工作小时内到场', en: 'Urban: on site within 6 working hours' } },
      { name: 'T1-gone' },
    ]);
  });

  it('when a case names no rule, then there is none', () => {
    expect(namedRules([], ruleSet)).toEqual([]);
  });
});
