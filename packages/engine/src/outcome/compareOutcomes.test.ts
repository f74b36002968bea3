import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compilePolicy.js';
import { compareOutcomes } from './compareOutcomes.js';
import { sampleCalendar, sampleForm, sampleRuleSet } from '../testing/samplePack.js';

const compile = (ruleSet: typeof sampleRuleSet) =>
  compilePolicy({ form: sampleForm, formVersion: 1, ruleSets: [{ definition: ruleSet, version: 1 }], calendars: [sampleCalendar] });
const record = {
  callTime: '2025-09-30T16:00:00+08:00',
  zone: 'urban',
  fee: 150,
  technician: '王',
  arrivalTime: '2025-10-08T10:00:00+08:00',
};
const context = { now: '2025-10-08T12:00:00+08:00' };

describe('compareOutcomes', () => {
  it('when the same policy evaluates twice, then nothing changed', async () => {
    const policy = compile(sampleRuleSet);
    const a = await policy.evaluate(record, context);
    expect(compareOutcomes(a.outcome, a.outcome).changed).toBe(false);
  });

  it('when a draft lowers the approval threshold and shortens the deadline, then the approval is new and the deadline moved', async () => {
    const draft = structuredClone(sampleRuleSet);
    draft.rules[1]!.conditions = { all: [{ fact: 'fee', operator: 'greaterThan', value: 100 }] };
    const deadline = draft.rules[0]!.event;
    if (deadline.type === 'deadline') deadline.params.limit.amount = 4;
    const before = await compile(sampleRuleSet).evaluate(record, context);
    const after = await compile(draft).evaluate(record, context);
    const change = compareOutcomes(before.outcome, after.outcome);
    expect(change.approvalsAdded.map((a) => a.approver)).toEqual(['generalManager']);
    expect(change.deadlinesMoved.map((m) => [m.key, m.before.dueAt, m.after.dueAt])).toEqual([
      ['arrival', '2025-10-02T06:00:00.000Z', '2025-10-02T03:00:00.000Z'],
    ]);
    expect(change.changed).toBe(true);
  });

  it('when a draft removes a fine rule, then the fine is removed and the total drops by its amount', async () => {
    const draft = structuredClone(sampleRuleSet);
    draft.rules = draft.rules.filter((r) => r.name !== 'late-fine');
    const before = await compile(sampleRuleSet).evaluate(record, context);
    const after = await compile(draft).evaluate(record, context);
    const change = compareOutcomes(before.outcome, after.outcome);
    expect(change.finesRemoved).toHaveLength(1);
    expect(change.fineTotalDelta).toBe(-150);
  });
});
