import { describe, expect, it } from 'vitest';
import { sampleForm, sampleRoles, sampleRuleSet } from '../testing/samplePack.js';
import { ruleSentence } from './ruleSentence.js';
import type { RuleDefinition } from '../rules/RuleSetFile.js';

const context = {
  form: sampleForm,
  ruleSet: sampleRuleSet,
  roleLabel: (id: string) => sampleRoles.roles.find((r) => r.id === id)?.label,
};
const rule = (name: string) => sampleRuleSet.rules.find((r) => r.name === name)!;

describe('ruleSentence', () => {
  it('when an approval rule is read, then it is one sentence of labels, role and status names, in both languages', () => {
    expect(ruleSentence(rule('big-fee-approval'), context, 'zh-CN')).toBe('当 费用 > 200 → 总经理在“已完工”前审批');
    expect(ruleSentence(rule('big-fee-approval'), context, 'en')).toBe('When Fee > 200 → General manager approves before "Completed"');
  });

  it('when a rule uses a shared condition without a name, a deadline with a breach fine and an owner, then all read in words', () => {
    const untitled = { ...context, ruleSet: { ...sampleRuleSet, conditionTitles: {} } };
    expect(ruleSentence(rule('arrive-urban'), untitled, 'zh-CN')).toBe(
      '当 区域 = 市区 → 到场：来电时间起 6 工作小时内完成（技术员负责），超时罚 技术员 ¥10',
    );
  });

  it('when a rule refers to a shared condition the rule set no longer has, then the sentence says so, never its code', () => {
    const gone = { ...context, ruleSet: { ...sampleRuleSet, conditions: {}, conditionTitles: {} } };
    expect(ruleSentence(rule('arrive-urban'), gone, 'zh-CN')).toMatch(/^当 （已不存在的共享条件） → 到场/);
    expect(ruleSentence(rule('arrive-urban'), gone, 'en')).not.toContain('isUrban');
  });

  it('when a shared condition has a name, then the sentence says that name holds, in both languages', () => {
    expect(ruleSentence(rule('arrive-urban'), context, 'zh-CN')).toMatch(/^当 市区来电 成立 → 到场/);
    expect(ruleSentence(rule('arrive-urban'), context, 'en')).toMatch(/^When Urban call holds → /);
    const zhOnly = { ...context, ruleSet: { ...sampleRuleSet, conditionTitles: { isUrban: { 'zh-CN': '市区来电', en: '' } } } };
    expect(ruleSentence(rule('arrive-urban'), zhOnly, 'en')).toMatch(/^When 市区来电 holds → /);
  });

  it('when conditions nest, use is filled and an amount formula, then groups are bracketed and nothing shows a code', () => {
    const nested: RuleDefinition = {
      ...rule('parts-commission'),
      conditions: {
        all: [
          { fact: 'arrivalTime', operator: 'isFilled', value: true },
          {
            any: [
              { fact: 'zone', operator: 'in', value: ['urban', 'suburban'] },
              { fact: 'parts.qty', operator: 'someFact:greaterThan', value: 5 },
            ],
          },
        ],
      },
    };
    const zh = ruleSentence(nested, context, 'zh-CN');
    expect(zh).toBe('当 到场时间 已填写 且 （区域 属于 市区、郊区 或 某一行的数量 > 5） → 计算“提成” = “配件合计” × 0.05');
    expect(ruleSentence(nested, context, 'en')).toBe(
      'When Arrival time is filled and (Zone is one of Urban, Suburban or some line: Qty > 5) → compute "Commission" = \'Parts total\' × 0.05',
    );
  });
});
