import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import { sampleCalendar, sampleForm, sampleRuleSet } from '../testing/samplePack.js';
import { compilePolicy } from './compilePolicy.js';

// The late fine reads the working hours from call to arrival only for urban calls: the zone has the
// higher priority, so for a suburban call json-rules-engine never reaches the working-time conditions.
const ruleSet: RuleSetFile = {
  ...sampleRuleSet,
  rules: sampleRuleSet.rules.map((rule) =>
    rule.name === 'late-fine'
      ? {
          ...rule,
          conditions: {
            all: [
              { fact: 'zone', operator: 'equal', value: 'urban', priority: 2 },
              { fact: 'hoursToArrival', operator: 'greaterThan', value: 6 },
              { fact: 'hoursToArrival', operator: 'lessThan', value: 1000 },
            ],
          },
        }
      : rule,
  ),
};
const policy = compilePolicy({
  form: sampleForm,
  formVersion: 1,
  ruleSets: [{ definition: ruleSet, version: 1 }],
  calendars: [sampleCalendar],
});
const call = { callTime: '2025-09-30T09:00:00+08:00', arrivalTime: '2025-10-09T10:00:00+08:00', fee: 80 };
const context = { now: '2025-10-09T12:00:00+08:00' };

describe('compilePolicy facts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('when no condition that reads a working-time fact is reached, then that fact is never computed', () => {
    const counted = vi.spyOn(WorkingCalendar.prototype, 'workingMsBetweenMs');
    const run = policy.run({ ...call, zone: 'suburban' }, context);
    expect(counted).not.toHaveBeenCalled();
    expect(run.trace.find((t) => t.rule === 'late-fine')).toEqual({
      ruleSet: ruleSet.id,
      rule: 'late-fine',
      fired: false,
      leaves: [{ factValue: 'suburban', result: false }, { factValue: null }, { factValue: null }],
    });
  });

  it('when several conditions read a working-time fact, then it is computed once for the evaluation', async () => {
    const counted = vi.spyOn(WorkingCalendar.prototype, 'workingMsBetweenMs');
    const evaluation = await policy.evaluate({ ...call, zone: 'urban' }, context);
    expect(counted).toHaveBeenCalledTimes(1);
    expect(evaluation.explanation.find((r) => r.rule === 'late-fine')?.fired).toBe(true);
  });

  it('when a record is run, then the trace is the one its explanation gives and the outcome the same as evaluate', async () => {
    const record = { ...call, zone: 'urban', technician: '王师傅', parts: [{ name: 'p', qty: 2, unitPrice: 10 }] };
    const run = policy.run(record, context);
    const evaluation = await policy.evaluate(record, context);
    expect(run.outcome).toEqual(evaluation.outcome);
    expect(run.warnings).toEqual(evaluation.warnings);
    expect(run.evaluatedAt).toBe(evaluation.evaluatedAt);
    expect(policy.explain(run.trace)).toEqual(evaluation.explanation);
  });
});
