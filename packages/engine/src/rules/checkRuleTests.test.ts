import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack/loadPack.js';
import { samplePackFiles, sampleRuleSet } from '../testing/samplePack.js';
import type { ExpectedValues, RuleSetFile, RuleTestCase } from './RuleSetFile.js';

const base = {
  name: 'case',
  record: { callTime: '2025-09-30T16:00:00+08:00', zone: 'urban' },
  now: '2025-09-30T16:05:00+08:00',
  expectFired: [],
};
const withExpect = (expect: unknown): RuleSetFile => ({ ...sampleRuleSet, tests: [{ ...base, expect: expect as ExpectedValues }] });
const problems = (expect: unknown) =>
  loadPack(samplePackFiles({ rules: withExpect(expect) })).problems.map((p) => `${p.pointer} ${p.code}`);

describe('saved test cases with expected values (loadPack)', () => {
  it('when a case expects a due time, an amount, fines and approvers of the rule set, then there is no problem', () => {
    expect(
      problems({
        deadlines: { arrival: '2025-10-02 14:00', other: undefined },
        amounts: { commission: 5 },
        fines: [{ payer: 'technician', amount: 10 }],
        approvals: ['generalManager'],
      }).filter((p) => !p.includes('other')),
    ).toEqual([]);
    expect(problems({ deadlines: { arrival: null } })).toEqual([]);
    expect(problems({ deadlines: { arrival: '2025-10-02T14:00:00+08:00' } })).toEqual([]);
  });

  it('when a case names a deadline or amount no rule produces, or a role the roles file lacks, then each is a problem at its pointer', () => {
    expect(
      problems({
        deadlines: { repair: '2025-10-02 14:00' },
        amounts: { deposit: 1 },
        fines: [{ payer: 'boss', amount: 1 }],
        approvals: ['ceo'],
      }),
    ).toEqual([
      '/tests/0/expect/deadlines/repair rules.testUnknownDeadline',
      '/tests/0/expect/amounts/deposit rules.testUnknownAmount',
      '/tests/0/expect/fines/0/payer rules.unknownRole',
      '/tests/0/expect/approvals/0 rules.unknownRole',
    ]);
  });

  it('when a due time does not exist or is not a date-time, then it is a problem (semantic or meta-schema)', () => {
    expect(problems({ deadlines: { arrival: '2025-02-30 10:00' } })).toEqual(['/tests/0/expect/deadlines/arrival rules.testBadTime']);
    expect(problems({ deadlines: { arrival: 'tomorrow' } })[0]).toMatch(/^\/tests\/0\/expect\/deadlines\/arrival meta\.invalid/);
    expect(problems({ fines: [{ payer: 'technician' }] })[0]).toMatch(/^\/tests\/0\/expect\/fines\/0(\/amount)? meta\.invalid/);
    expect(problems({ approved: true })[0]).toMatch(/^\/tests\/0\/expect meta\.invalid/);
  });
});

describe('saved test case names (loadPack)', () => {
  const named = (name: unknown): RuleSetFile => ({ ...sampleRuleSet, tests: [{ ...base, name: name as RuleTestCase['name'] }] });
  const nameProblems = (name: unknown) => loadPack(samplePackFiles({ rules: named(name) })).problems.map((p) => `${p.pointer} ${p.code}`);

  it('when a case is named in both languages, as rule titles are, then there is no problem', () => {
    expect(nameProblems({ 'zh-CN': '市区来电', en: 'Urban call' })).toEqual([]);
  });

  it('when a case has one string for a name (a file written before names were bilingual), then it is still accepted', () => {
    expect(nameProblems('urban call')).toEqual([]);
  });

  it('when a name lacks a language, is empty or is neither a string nor a text in both languages, then it is a problem at the name', () => {
    for (const bad of [{ 'zh-CN': '市区来电' }, { 'zh-CN': '市区来电', en: '' }, '', 42, { 'zh-CN': '市区', en: 'Urban', fr: 'Ville' }])
      expect(nameProblems(bad)).toEqual([expect.stringMatching(/^\/tests\/0\/name(\/en)? meta\.invalid$/)]);
  });
});
