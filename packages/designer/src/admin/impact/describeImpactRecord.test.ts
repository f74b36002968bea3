import { describe, expect, it } from 'vitest';
import { describeImpactRecord } from './describeImpactRecord';
import type { ImpactRecord } from '../../api/impactApi';

const words = {
  t: (key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`,
  text: () => '',
  time: (iso: string) => iso,
  role: (role: string) => (role === 'technician' ? '技术员' : role),
  person: (username: string) => (username === 'zhouzhiqiang' ? '周志强' : username),
};

describe('an impact record in words', () => {
  it('when a fine is added to a person, then the person is named by display name, a typed name as typed', () => {
    const record = {
      deadlines: [],
      finesAdded: [
        { amount: 50, role: 'technician', person: 'zhouzhiqiang' },
        { amount: 30, role: 'technician', person: '王师傅' },
      ],
      finesRemoved: [],
      approvalsAdded: [],
      approvalsRemoved: [],
      blocksAdded: [],
      blocksRemoved: [],
    } as unknown as ImpactRecord;
    expect(describeImpactRecord(record, words as never)).toEqual([
      'impact.fineAdded{"amount":50,"who":"技术员 周志强"}',
      'impact.fineAdded{"amount":30,"who":"技术员 王师傅"}',
    ]);
  });
});
