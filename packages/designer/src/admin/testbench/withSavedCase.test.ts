import { describe, expect, it } from 'vitest';
import type { RuleTestCase } from '@aftersales/engine';
import { sameCaseName, withSavedCase } from './withSavedCase';

const kase = (name: RuleTestCase['name'], now = '2025-10-09T10:00:00+08:00'): RuleTestCase => ({ name, record: {}, now, expectFired: [] });

describe('sameCaseName', () => {
  it('when two names agree in either language, or an older one-string name equals one of them, then they name the same case', () => {
    expect(sameCaseName({ 'zh-CN': '市区报修来电', en: 'Urban call' }, { 'zh-CN': '市区报修来电', en: 'City call' })).toBe(true);
    expect(sameCaseName({ 'zh-CN': '市区来电', en: 'Urban call' }, { 'zh-CN': '市区报修来电', en: 'Urban call' })).toBe(true);
    expect(sameCaseName('Urban call', { 'zh-CN': '市区报修来电', en: 'Urban call' })).toBe(true);
    expect(sameCaseName('Urban call', 'Urban call')).toBe(true);
  });

  it('when the names differ in both languages, then they are different cases', () => {
    expect(sameCaseName({ 'zh-CN': '市区报修来电', en: 'Urban call' }, { 'zh-CN': '郊区报修来电', en: 'Suburban call' })).toBe(false);
    expect(sameCaseName('urban call', { 'zh-CN': '市区报修来电', en: 'Urban call' })).toBe(false);
  });
});

describe('withSavedCase', () => {
  const first = kase({ 'zh-CN': '市区报修来电', en: 'Urban call' });
  const second = kase('accident, equal share (P10)');

  it('when a case of a new name is saved, then it is added last', () => {
    const added = kase({ 'zh-CN': '郊区报修来电', en: 'Suburban call' });
    expect(withSavedCase([first, second], added)).toEqual([first, second, added]);
  });

  it('when an older one-string case is saved again named in both languages, then it is replaced in its place', () => {
    const renamed = kase({ 'zh-CN': '交通事故，同等责任（P10）', en: 'accident, equal share (P10)' }, '2025-10-21T09:00:00+08:00');
    expect(withSavedCase([second, first], renamed)).toEqual([renamed, first]);
  });
});
