import { describe, expect, it } from 'vitest';
import { compilePolicy, type CalendarFile, type FormDefinition, type RuleSetFile } from '@aftersales/engine';
import { describeDifferences, describeExpected, expectFromChoices, valueChoices } from './caseValues';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form: FormDefinition = {
  id: 'repair',
  title: t('报修', 'Repair'),
  schema: {
    type: 'object',
    properties: {
      callTime: { type: 'string', format: 'date-time' },
      fee: { type: 'number' },
      technician: { type: 'string' },
    },
  },
};
const calendar: CalendarFile = {
  id: 'office',
  title: t('办公', 'Office'),
  timeZone: 'Asia/Shanghai',
  week: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
    ]),
  ),
};
const ruleSet: RuleSetFile = {
  id: 'repair.policy',
  form: 'repair',
  title: t('规则', 'Rules'),
  calendar: 'office',
  rules: [
    {
      name: 'arrive',
      title: t('到场', 'Arrive'),
      conditions: { all: [{ fact: 'callTime', operator: 'notEqual', value: null }] },
      event: {
        type: 'deadline',
        params: { key: 'arrival', what: t('到场', 'Arrive on site'), from: 'callTime', limit: { unit: 'workingHours', amount: 6 } },
      },
    },
    {
      name: 'fee-fine',
      title: t('罚款', 'Fine'),
      conditions: { all: [{ fact: 'fee', operator: 'greaterThan', value: 100 }] },
      event: { type: 'fine', params: { payer: { role: 'technician' }, amount: 10, reason: t('超额', 'Over') } },
    },
    {
      name: 'approve',
      title: t('审批', 'Approve'),
      conditions: { all: [{ fact: 'fee', operator: 'greaterThan', value: 200 }] },
      event: { type: 'approval', params: { approver: 'generalManager', before: 'done', reason: t('超额', 'Over') } },
    },
  ],
};
const roles = { technician: t('技术员', 'Technician'), generalManager: t('总经理', 'General manager') };
const evaluate = (record: object) =>
  compilePolicy({ form, formVersion: 0, ruleSets: [{ definition: ruleSet, version: 0 }], calendars: [calendar] }).evaluate(record, {
    now: '2025-10-09T21:35:00+08:00',
  });

describe('test bench case values', () => {
  it('when a call comes at 21:30, then the bench shows the due time as local wall time of the next day, the fine and the approver by name', async () => {
    const { choices } = valueChoices(await evaluate({ callTime: '2025-10-09T21:30:00+08:00', fee: 300 }), ruleSet, [calendar], roles);
    expect(choices.map((c) => [c.id, c.label['zh-CN'], c.shown['zh-CN'], c.shown.en])).toEqual([
      ['deadline:arrival', '到场的到期时间', '2025-10-10 16:00', '2025-10-10 16:00'],
      ['fines', '罚款', '技术员 10 元', 'Technician 10 yuan'],
      ['approvals', '审批人', '总经理', 'General manager'],
    ]);
  });

  it('when only some values are ticked, then the saved expect holds those, and none ticked saves no expect', async () => {
    const { values } = valueChoices(await evaluate({ callTime: '2025-10-09T21:30:00+08:00', fee: 150 }), ruleSet, [calendar], roles);
    expect(expectFromChoices(values, new Set(['deadline:arrival', 'approvals']))).toEqual({
      deadlines: { arrival: '2025-10-10 16:00' },
      approvals: [],
    });
    expect(expectFromChoices(values, new Set())).toBeUndefined();
  });

  it('when a saved case is described, then each expected value reads in words and a difference shows expected and actual', () => {
    expect(describeExpected({ deadlines: { arrival: null }, fines: [{ payer: 'technician', amount: 10 }] }, ruleSet, roles)).toEqual([
      t('到场：无到期时间', 'Arrive on site: no due time'),
      t('罚款：技术员 10 元', 'Fines: Technician 10 yuan'),
    ]);
    expect(describeDifferences([{ kind: 'approvals', expected: ['generalManager'], actual: [] }], roles)).toEqual([
      t('审批人：预期 总经理，实际 无', 'Approvers: expected General manager, actual none'),
    ]);
  });

  it('when two rules set one deadline key, then the bench names it after the rule that set it, and a saved case after the first rule', async () => {
    const arrive = ruleSet.rules[0]!;
    const security: RuleSetFile = {
      ...ruleSet,
      rules: [
        { ...arrive, conditions: { all: [{ fact: 'technician', operator: 'notEqual', value: 'security' }] } },
        {
          ...arrive,
          name: 'arrive-security',
          title: t('安防故障到场', 'Security fault arrival'),
          conditions: { all: [{ fact: 'technician', operator: 'equal', value: 'security' }] },
          event: {
            type: 'deadline',
            params: {
              key: 'arrival',
              what: t('安防故障到场', 'Security fault arrival'),
              from: 'callTime',
              limit: { unit: 'workingHours', amount: 2 },
            },
          },
        },
      ],
    };
    const policy = compilePolicy({ form, formVersion: 0, ruleSets: [{ definition: security, version: 0 }], calendars: [calendar] });
    const label = async (technician: string) => {
      const evaluation = await policy.evaluate({ callTime: '2025-10-09T21:30:00+08:00', technician }, { now: '2025-10-09T21:35:00+08:00' });
      return valueChoices(evaluation, security, [calendar], roles).choices[0]!.label;
    };
    expect(await label('wang')).toEqual(t('到场的到期时间', 'Due time of Arrive on site'));
    expect(await label('security')).toEqual(t('安防故障到场的到期时间', 'Due time of Security fault arrival'));
    expect(describeExpected({ deadlines: { arrival: null } }, security, roles)).toEqual([
      t('到场：无到期时间', 'Arrive on site: no due time'),
    ]);
  });
});
