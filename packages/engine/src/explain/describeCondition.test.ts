import { describe, expect, it } from 'vitest';
import type { ConditionExplanation, FactConditionExplanation } from './Explanation.js';
import { describeCondition, describeConditionTree } from './describeCondition.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const callTime = {
  kind: 'fact',
  fact: 'callTime',
  factLabel: t('来电时间', 'Call time'),
  operator: 'notEqual',
  value: '',
  factValue: '2025-10-09T09:00:00+08:00',
  result: true,
} as unknown as FactConditionExplanation;

describe('describeCondition', () => {
  it('when a fact value is a time or a date, then it reads as a local time, never ISO', () => {
    expect(describeCondition(callTime, 'zh-CN', { now: '2025-12-01T00:00:00Z' })).toBe(
      '来电时间 不等于 （空） ✓（实际：10月9日 周四 09:00）',
    );
    expect(describeCondition(callTime, 'en')).toBe('Call time is not (empty) ✓ (actual: Thu 2025-10-09 09:00)');
    expect(describeCondition({ ...callTime, factValue: '2028-12-01' }, 'zh-CN', { now: '2026-01-01T00:00:00Z' })).toContain(
      '实际：2028年12月1日',
    );
  });

  it('when the fact is a person field, then its value reads as the display name of the person, never the user name', () => {
    const technician = {
      kind: 'fact',
      fact: 'technician',
      factLabel: t('技术员', 'Technician'),
      operator: 'isFilled',
      value: true,
      factValue: 'zhouzhiqiang',
      person: true,
      result: true,
    } as unknown as FactConditionExplanation;
    const personName = (username: string) => (username === 'zhouzhiqiang' ? '周志强' : username);
    expect(describeCondition(technician, 'zh-CN', { personName })).toBe('技术员 已填写 ✓（实际：周志强）');
    // Without the directory (the CLI), the value as stored; a field that is not a person is never looked up.
    expect(describeCondition(technician, 'zh-CN')).toBe('技术员 已填写 ✓（实际：zhouzhiqiang）');
    expect(describeCondition({ ...technician, person: undefined }, 'zh-CN', { personName })).toContain('实际：zhouzhiqiang');
  });

  it('when a group is a shared condition with a name, then the line says that name holds, never its code', () => {
    const group = {
      kind: 'not',
      reference: 'notSecurityFault',
      referenceTitle: t('不是安防故障', 'Not a security fault'),
      result: true,
      children: [callTime],
    } as unknown as ConditionExplanation;
    const zh = describeConditionTree(group, 'zh-CN');
    expect(zh[0]).toBe('不是安防故障 成立 ✓：以下条件不成立');
    expect(describeConditionTree(group, 'en')[0]).toBe('Not a security fault holds ✓: this does not hold');
    expect([...zh, ...describeConditionTree(group, 'en')].join('\n')).not.toContain('notSecurityFault');
  });

  it('when a shared condition has no name, then it is said as a shared condition, never by its code', () => {
    const group = { kind: 'all', reference: 'isUrban', result: false, children: [callTime] } as unknown as ConditionExplanation;
    expect(describeConditionTree(group, 'zh-CN')[0]).toBe('共享条件 成立 ✗：以下条件全部满足');
    expect(describeConditionTree(group, 'en')[0]).toBe('The shared condition holds ✗: all of these hold');
  });
});
