import { describe, expect, it } from 'vitest';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import { recordFieldsRead } from './recordFieldsRead.js';

const label = { 'zh-CN': '标签', en: 'Label' };

function ruleSet(overrides: Partial<RuleSetFile> = {}): RuleSetFile {
  return {
    id: 'sample.rules',
    form: 'sample',
    title: label,
    facts: {
      hoursOpen: { kind: 'workingHours', from: 'callTime', to: 'closedAt', label },
      units: { kind: 'computed', value: { ceil: { div: [{ fact: 'unitsReceived' }, 10] } }, label },
    },
    conditions: { urban: { all: [{ fact: 'zone', operator: 'equal', value: 'urban' }] } },
    rules: [
      {
        name: 'late',
        conditions: { all: [{ condition: 'urban' }, { fact: 'hoursOpen', operator: 'greaterThan', value: { fact: 'limits.hours' } }] },
        event: {
          type: 'deadline',
          params: {
            key: 'arrival',
            what: label,
            from: 'callTime',
            metBy: 'arrivalTime',
            limit: { unit: 'workingHours', amount: { fact: 'units' } },
            owner: { role: 'technician', personField: 'technician' },
            onBreach: {
              fines: [{ payer: { role: 'advisor', personField: 'advisor' }, amount: { mul: [{ fact: 'fee' }, 0.1] }, reason: label }],
            },
          },
        },
      },
      {
        name: 'switched off',
        enabled: false,
        conditions: { all: [{ fact: 'neverRead', operator: 'equal', value: 1 }] },
        event: { type: 'block', params: { message: label } },
      },
      {
        name: 'status',
        conditions: { all: [{ fact: '$status', operator: 'equal', value: 'done' }] },
        event: { type: 'block', params: { message: label } },
      },
    ],
    ...overrides,
  } as RuleSetFile;
}

describe('recordFieldsRead', () => {
  it('when rules read fields through shared conditions, derived facts, fact values and their events, then each top-level field is listed once', () => {
    expect(recordFieldsRead([ruleSet()])).toEqual([
      'advisor',
      'arrivalTime',
      'callTime',
      'closedAt',
      'fee',
      'limits',
      'technician',
      'unitsReceived',
      'zone',
    ]);
  });

  it('when a rule set declares a history fact its rules read, then the record is read whole (undefined)', () => {
    const withHistory = ruleSet({
      facts: {
        hoursOpen: {
          kind: 'history',
          type: 'integer',
          label,
          query: { aggregate: 'count', window: { unit: 'days', amount: 7 } },
        },
      },
    });
    expect(recordFieldsRead([withHistory])).toBeUndefined();
  });
});
