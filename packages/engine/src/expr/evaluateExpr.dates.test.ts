import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { sampleCalendar, sampleForm, sampleRuleSet } from '../testing/samplePack.js';
import { compilePolicy } from '../policy/compilePolicy.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { Expr } from './Expr.js';
import { evaluateExprValue, evaluateExpr, type ExprEnv } from './evaluateExpr.js';
import { describeExpr } from './describeExpr.js';

const office = WorkingCalendar.fromFile(sampleCalendar);
const env = (timeZone = 'Asia/Shanghai'): ExprEnv => ({ timeZone, calendar: () => office });
const value = (expr: Expr, facts: Record<string, unknown>, timeZone?: string) =>
  evaluateExprValue(expr, (name) => facts[name] ?? null, env(timeZone));
const d = { fact: 'd' };

describe('evaluateExpr date functions', () => {
  it('when a 2-year warranty starts on a purchase date, then it ends on the same day two years later', () => {
    expect(value({ addYears: [d, 2] }, { d: '2026-12-01' })).toBe('2028-12-01');
  });

  it('when a month step lands on a day the month lacks, then it gives the last day of that month', () => {
    expect(value({ addMonths: [d, 1] }, { d: '2024-01-31' })).toBe('2024-02-29');
    expect(value({ addMonths: [d, 1] }, { d: '2023-01-31' })).toBe('2023-02-28');
    expect(value({ addMonths: [d, -1] }, { d: '2024-03-31' })).toBe('2024-02-29');
    expect(value({ addMonths: [d, 3] }, { d: '2025-08-31' })).toBe('2025-11-30');
    expect(value({ addMonths: [d, 13] }, { d: '2025-12-31' })).toBe('2027-01-31');
  });

  it('when a leap day moves by years, then it lands on 28 February except in leap years', () => {
    expect(value({ addYears: [d, 1] }, { d: '2024-02-29' })).toBe('2025-02-28');
    expect(value({ addYears: [d, 4] }, { d: '2024-02-29' })).toBe('2028-02-29');
    expect(value({ addYears: [d, 76] }, { d: '2024-02-29' })).toBe('2100-02-28');
  });

  it('when days are added across a month end, a year end and a leap day, then the calendar date is right', () => {
    expect(value({ addDays: [d, 1] }, { d: '2024-02-28' })).toBe('2024-02-29');
    expect(value({ addDays: [d, 1] }, { d: '2025-02-28' })).toBe('2025-03-01');
    expect(value({ addDays: [d, 1] }, { d: '2025-12-31' })).toBe('2026-01-01');
    expect(value({ addDays: [d, -366] }, { d: '2025-03-01' })).toBe('2024-02-29');
  });

  it('when a date-time moves by a day over a daylight-saving change, then its wall-clock time stays', () => {
    // Berlin switches to summer time on 2025-03-30 at 02:00: 10:00 on the 29th is 09:00Z, on the 30th 08:00Z.
    expect(value({ addDays: [d, 1] }, { d: '2025-03-29T10:00:00+01:00' }, 'Europe/Berlin')).toBe('2025-03-30T08:00:00.000Z');
    // A local date-time without an offset is read in the zone.
    expect(value({ addMonths: [d, 1] }, { d: '2025-01-31 15:30' }, 'Asia/Shanghai')).toBe('2025-02-28T07:30:00.000Z');
  });

  it('when days between two values are counted, then it is the local calendar days in the zone, negative backwards', () => {
    const between = { daysBetween: [{ fact: 'a' }, { fact: 'b' }] } as Expr;
    expect(value(between, { a: '2024-02-01', b: '2024-03-01' })).toBe(29);
    expect(value(between, { a: '2025-02-01', b: '2025-03-01' })).toBe(28);
    expect(value(between, { a: '2026-03-01', b: '2025-03-01' })).toBe(-365);
    // 20:00Z on New Year's Eve is already 1 January 04:00 in Shanghai, but still 31 December in New York.
    expect(value(between, { a: '2025-12-31T20:00:00Z', b: '2026-01-01' }, 'Asia/Shanghai')).toBe(0);
    expect(value(between, { a: '2025-12-31T20:00:00Z', b: '2026-01-01' }, 'America/New_York')).toBe(1);
  });

  it('when working days between two dates are counted, then holidays and weekends of the calendar are skipped', () => {
    const between = { workingDaysBetween: [{ fact: 'a' }, { fact: 'b' }] } as Expr;
    // Tue 30 Sep to Thu 2 Oct 2025: 1 October is a holiday of the office calendar.
    expect(value(between, { a: '2025-09-30', b: '2025-10-02' })).toBe(1);
    // Fri 3 Oct to Mon 6 Oct: the weekend does not count.
    expect(value(between, { a: '2025-10-03', b: '2025-10-06' })).toBe(1);
    expect(value(between, { a: '2025-10-06', b: '2025-10-03' })).toBe(-1);
  });

  it('when a date input is empty or not a date, or the amount is not whole, then the value cannot be computed', () => {
    expect(value({ addYears: [d, 2] }, {})).toBeNull();
    expect(value({ addYears: [d, 2] }, { d: '2025-02-30' })).toBeNull();
    expect(value({ addYears: [d, 2] }, { d: 12 })).toBeNull();
    expect(value({ addDays: [d, 1.5] }, { d: '2025-01-01' })).toBeNull();
    expect(value({ addYears: [d, 9000] }, { d: '2025-01-01' })).toBeNull();
    // A date is not an amount.
    expect(evaluateExpr({ addYears: [d, 2] }, (n) => (n === 'd' ? '2025-01-01' : null), env())).toBeNull();
  });

  it('when a condition picks one of two values, then filled/empty and comparisons choose the branch', () => {
    const pick = (op: 'filled' | 'empty' | 'gt', v?: number): Expr => ({
      if: { fact: 'x', op, ...(v === undefined ? {} : { value: v }) },
      then: 1,
      else: 2,
    });
    expect(value(pick('filled'), { x: 'a' })).toBe(1);
    expect(value(pick('filled'), { x: '' })).toBe(2);
    expect(value(pick('empty'), { x: [] })).toBe(1);
    expect(value(pick('gt', 500), { x: 600 })).toBe(1);
    expect(value(pick('gt', 500), { x: 500 })).toBe(2);
    expect(value(pick('gt', 500), { x: null })).toBeNull();
  });

  it('when a date formula is described, then it reads in both languages', () => {
    const label = (f: string) => ({ purchase: '购买日期' })[f] ?? f;
    expect(describeExpr({ addYears: [{ fact: 'purchase' }, 2] }, label, 'zh-CN')).toBe('“购买日期” 加 2 年');
    expect(describeExpr({ addYears: [{ fact: 'purchase' }, 2] }, (f) => (f === 'purchase' ? 'Purchase date' : f), 'en')).toBe(
      "'Purchase date' + 2 years",
    );
    expect(describeExpr({ if: { fact: 'purchase', op: 'empty' }, then: 0, else: 1 }, label, 'zh-CN')).toBe(
      '如果 “购买日期” 未填写，则 0，否则 1',
    );
  });
});

describe('a computed date fact in a policy', () => {
  const form: FormDefinition = structuredClone(sampleForm);
  form.schema.properties!.purchaseDate = { type: 'string', format: 'date', 'x-title': { 'zh-CN': '购买日期', en: 'Purchase date' } };
  const ruleSet: RuleSetFile = structuredClone(sampleRuleSet);
  ruleSet.facts!.warrantyEnd = {
    kind: 'computed',
    value: { addYears: [{ fact: 'purchaseDate' }, 2] },
    label: { 'zh-CN': '保修截止', en: 'Warranty end' },
  };
  ruleSet.rules.push({
    name: 'warranty-notice',
    title: { 'zh-CN': '保修到期提醒', en: 'Warranty end reminder' },
    conditions: { all: [{ fact: 'warrantyEnd', operator: 'notEqual', value: null }] },
    event: {
      type: 'deadline',
      params: { key: 'warranty', what: { 'zh-CN': '保修', en: 'Warranty' }, from: 'warrantyEnd', limit: { unit: 'days', amount: 0 } },
    },
  });
  const policy = compilePolicy({ form, formVersion: 1, ruleSets: [{ definition: ruleSet, version: 1 }], calendars: [sampleCalendar] });

  it('when a record has a purchase date, then the warranty end is two years later and a deadline can start from it', async () => {
    const evaluation = await policy.evaluate(
      { callTime: '2026-12-01T10:00:00+08:00', zone: 'suburban', purchaseDate: '2026-12-01' },
      { now: '2026-12-01T10:00:00+08:00' },
    );
    const warranty = evaluation.outcome.deadlines.find((x) => x.key === 'warranty');
    // Local midnight of 2028-12-01 in Shanghai.
    expect(warranty?.startedAt).toBe('2028-11-30T16:00:00.000Z');
  });
});
