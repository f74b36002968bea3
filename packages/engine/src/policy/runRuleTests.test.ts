import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compilePolicy.js';
import { runRuleTests } from './runRuleTests.js';
import { describeDifference, valuesOf } from './ruleTestValues.js';
import { sampleCalendar, sampleForm, sampleRuleSet } from '../testing/samplePack.js';

const policy = compilePolicy({
  form: sampleForm,
  formVersion: 1,
  ruleSets: [{ definition: sampleRuleSet, version: 1 }],
  calendars: [sampleCalendar],
});
const record = { callTime: '2025-09-30T16:00:00+08:00', zone: 'urban', fee: 300 };

describe('runRuleTests', () => {
  it('when the expected rules fire, then the case passes', async () => {
    const [result] = await runRuleTests(policy, 'repair-call.policy', [
      { name: 'big fee', record, now: '2025-09-30T16:05:00+08:00', expectFired: ['big-fee-approval'] },
    ]);
    expect(result).toMatchObject({ passed: true, missing: [], unexpected: [], invalid: false });
  });

  it('when an exact case sees an extra rule fire, then it fails and names it', async () => {
    const [result] = await runRuleTests(policy, 'repair-call.policy', [
      { name: 'exact', record, now: '2025-09-30T16:05:00+08:00', expectFired: ['big-fee-approval'], exact: true },
    ]);
    expect(result).toMatchObject({ passed: false, unexpected: ['arrive-urban'] });
  });

  it('when an expected rule does not fire or the record is invalid, then the case fails', async () => {
    const results = await runRuleTests(policy, 'repair-call.policy', [
      { name: 'missing', record: { ...record, fee: 10 }, now: '2025-09-30T16:05:00+08:00', expectFired: ['big-fee-approval'] },
      { name: 'invalid', record: { zone: 'urban' }, now: '2025-09-30T16:05:00+08:00', expectFired: [] },
    ]);
    expect(results.map((r) => [r.name.en, r.passed, r.missing, r.invalid])).toEqual([
      ['missing', false, ['big-fee-approval'], false],
      ['invalid', false, [], true],
    ]);
  });

  it('when cases are named in both languages or (older files) with one string, then each result names its case in both languages', async () => {
    const now = '2025-09-30T16:05:00+08:00';
    const results = await runRuleTests(policy, 'repair-call.policy', [
      { name: { 'zh-CN': '大额收费', en: 'big fee' }, record, now, expectFired: ['big-fee-approval'] },
      { name: 'old single name', record, now, expectFired: ['big-fee-approval'] },
    ]);
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      [{ 'zh-CN': '大额收费', en: 'big fee' }, true],
      [{ 'zh-CN': 'old single name', en: 'old single name' }, true],
    ]);
  });
});

describe('runRuleTests with expected values', () => {
  const now = '2025-09-30T16:05:00+08:00';
  const options = { calendars: [sampleCalendar] };

  it('when the due time (local wall time or ISO), approvers and fines are those of the outcome, then the case passes', async () => {
    const results = await runRuleTests(
      policy,
      'repair-call.policy',
      [
        {
          name: 'local',
          record,
          now,
          expectFired: [],
          expect: { deadlines: { arrival: '2025-10-02 14:00' }, approvals: ['generalManager'], fines: [] },
        },
        { name: 'iso', record, now, expectFired: [], expect: { deadlines: { arrival: '2025-10-02T06:00:00Z' } } },
      ],
      options,
    );
    expect(results.map((r) => [r.name.en, r.passed, r.differences])).toEqual([
      ['local', true, []],
      ['iso', true, []],
    ]);
  });

  it('when a due time, an approver and a fine differ, then the case fails and each difference shows expected and actual', async () => {
    const [result] = await runRuleTests(
      policy,
      'repair-call.policy',
      [
        {
          name: 'wrong',
          record,
          now,
          expectFired: ['arrive-urban'],
          expect: { deadlines: { arrival: '2025-10-02 16:00' }, approvals: [], fines: [{ payer: 'technician', amount: 10 }] },
        },
      ],
      options,
    );
    expect(result!.passed).toBe(false);
    expect(result!.missing).toEqual([]);
    expect(result!.differences).toEqual([
      {
        kind: 'deadline',
        key: 'arrival',
        label: { 'zh-CN': '到场', en: 'Arrive on site' },
        expected: '2025-10-02 16:00',
        actual: '2025-10-02 14:00',
      },
      { kind: 'fines', expected: [{ payer: 'technician', amount: 10 }], actual: [] },
      { kind: 'approvals', expected: [], actual: ['generalManager'] },
    ]);
    expect(describeDifference(result!.differences[0]!)).toEqual({
      'zh-CN': '期限“到场”的到期时间：预期 2025-10-02 16:00，实际 2025-10-02 14:00',
      en: 'Due time of "Arrive on site": expected 2025-10-02 16:00, actual 2025-10-02 14:00',
    });
    const label = (role: string) => ({ 'zh-CN': role === 'technician' ? '技术员' : role, en: role === 'technician' ? 'Technician' : role });
    expect(describeDifference(result!.differences[1]!, label)).toEqual({
      'zh-CN': '罚款：预期 技术员 10 元，实际 无',
      en: 'Fines: expected Technician 10 yuan, actual none',
    });
  });

  it('when the deadline is breached at "now", then its breach fine counts beside the rule fines; an amount is compared by value', async () => {
    const late = '2025-10-08T10:00:00+08:00';
    const parts = [{ name: '门把手', qty: 2, unitPrice: 50 }];
    const values = valuesOf(await policy.evaluate({ ...record, parts }, { now: late }), 'repair-call.policy', () => 'Asia/Shanghai');
    expect(values.fines).toEqual([
      { payer: 'technician', amount: 10 }, // the arrival deadline's breach fine
      { payer: 'technician', amount: 300 }, // late-fine: the fee
    ]);
    const [result] = await runRuleTests(
      policy,
      'repair-call.policy',
      [{ name: 'amount', record: { ...record, parts }, now: late, expectFired: [], expect: { amounts: { commission: 6 } } }],
      options,
    );
    expect(result!.differences).toEqual([
      { kind: 'amount', name: 'commission', label: { 'zh-CN': '提成', en: 'Commission' }, expected: 6, actual: 5 },
    ]);
  });
});
