import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compilePolicy.js';
import { runRuleTests } from './runRuleTests.js';
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
    expect(results.map((r) => [r.name, r.passed, r.missing, r.invalid])).toEqual([
      ['missing', false, ['big-fee-approval'], false],
      ['invalid', false, [], true],
    ]);
  });
});
