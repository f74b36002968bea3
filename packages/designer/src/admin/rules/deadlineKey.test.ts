import { describe, expect, it } from 'vitest';
import type { OutcomeEvent } from '@aftersales/engine';
import { deadlineKeys, newDeadlineKey, withDeadlineKey } from './deadlineKey';

type DeadlineParams = Extract<OutcomeEvent, { type: 'deadline' }>['params'];
const params = (key: string, zh: string): DeadlineParams => ({
  key,
  what: { 'zh-CN': zh, en: '' },
  from: 'callTime',
  limit: { unit: 'workingHours', amount: 6 },
});

describe('deadline key', () => {
  it('when a new deadline gets its title, then its key is the title in pinyin, unique in the rule set', () => {
    const start = params(newDeadlineKey(['deadline']), '');
    expect(start.key).toBe('deadline2');
    const named = withDeadlineKey(start, params(start.key, '到场'), ['deadline']);
    expect(named.key).toBe('daoChang');
    expect(withDeadlineKey(named, params('daoChang', '到场时限'), ['deadline']).key).toBe('daoChangShiXian');
    const second = params(newDeadlineKey(['daoChang']), '');
    expect(withDeadlineKey(second, params(second.key, '到场'), ['daoChang']).key).toBe('daoChang2');
  });

  it('when an existing deadline is opened and its title edited, then its key stays untouched', () => {
    const arrival = params('arrival', '到场');
    expect(withDeadlineKey(arrival, params('arrival', '上门'), []).key).toBe('arrival');
  });

  it('when someone edits the key under advanced, then it is kept', () => {
    const before = params('daoChang', '到场');
    expect(withDeadlineKey(before, params('visit', '到场'), []).key).toBe('visit');
  });

  it('when a rule set is read, then the keys of its deadlines are listed', () => {
    const rules = [
      { event: { type: 'deadline', params: params('arrival', '到场') } },
      { event: { type: 'block', params: { message: { 'zh-CN': '不行', en: 'No' } } } },
    ] as const;
    expect(deadlineKeys(rules as never)).toEqual(['arrival']);
  });
});
