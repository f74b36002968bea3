import { describe, expect, it } from 'vitest';
import { loadPack } from '../pack/loadPack.js';
import { samplePackFiles, sampleForm, sampleRuleSet } from '../testing/samplePack.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form = structuredClone(sampleForm);
form.schema.properties!.purchaseDate = { type: 'string', format: 'date', 'x-title': t('购买日期', 'Purchase date') };

function problemsOf(change: (rules: RuleSetFile) => void) {
  const rules = structuredClone(sampleRuleSet);
  change(rules);
  return loadPack(samplePackFiles({ form, rules })).problems;
}

describe('the type check of formulas', () => {
  it('when dates are added to, counted between and used as a deadline start, then there is no problem', () => {
    const problems = problemsOf((rules) => {
      rules.facts!.warrantyEnd = {
        kind: 'computed',
        value: { addYears: [{ fact: 'purchaseDate' }, 2] },
        label: t('保修截止', 'Warranty end'),
      };
      rules.facts!.daysOpen = {
        kind: 'computed',
        value: { workingDaysBetween: [{ fact: 'callTime' }, { fact: 'arrivalTime' }], calendar: 'office' },
        label: t('工作日', 'Working days'),
      };
      rules.rules[3]!.event = {
        type: 'fine',
        params: {
          payer: { role: 'technician' },
          amount: { mul: [{ daysBetween: [{ fact: 'callTime' }, { fact: 'arrivalTime' }] }, 10] },
          reason: t('迟到', 'Late'),
        },
      };
      rules.rules[0]!.event = {
        type: 'deadline',
        params: { key: 'warranty', what: t('保修', 'Warranty'), from: 'warrantyEnd', limit: { unit: 'days', amount: 0 } },
      };
    });
    expect(problems).toEqual([]);
  });

  it('when a date function gets a number, then the problem names the function and input in both languages', () => {
    const problems = problemsOf((rules) => {
      rules.facts!.warrantyEnd = { kind: 'computed', value: { addYears: [{ fact: 'fee' }, 2] }, label: t('保修截止', 'Warranty end') };
    });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([['/facts/warrantyEnd/value/addYears/0', 'rules.exprArgType']]);
    expect(problems[0]!.message).toEqual({ 'zh-CN': '“日期加年数”的第 1 项应为日期', en: 'Input 1 of "add years" must be a date' });
  });

  it('when arithmetic gets a date, or an amount gives a date, then each is refused', () => {
    const problems = problemsOf((rules) => {
      rules.facts!.odd = { kind: 'computed', value: { add: [{ addDays: [{ fact: 'purchaseDate' }, 1] }, 1] }, label: t('x', 'x') };
      rules.facts!.days = { kind: 'computed', value: { addDays: [{ fact: 'purchaseDate' }, { fact: 'zone' }] }, label: t('y', 'y') };
      rules.rules[2]!.event = {
        type: 'amount',
        params: { name: 'due', label: t('到期', 'Due'), value: { addDays: [{ fact: 'purchaseDate' }, 30] } },
      };
    });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/facts/odd/value/add/0', 'rules.exprArgType'],
      ['/facts/days/value/addDays/1', 'rules.notNumber'],
      ['/rules/2/event/params/value', 'rules.exprResultType'],
    ]);
    expect(problems[2]!.message.en).toBe('A number (amount, limit) is needed here; the formula gives a date');
  });

  it('when a condition in a formula orders a text field or mixes a date and a number, then it is refused', () => {
    const problems = problemsOf((rules) => {
      rules.facts!.a = { kind: 'computed', value: { if: { fact: 'zone', op: 'gt', value: 1 }, then: 1, else: 0 }, label: t('a', 'a') };
      rules.facts!.b = {
        kind: 'computed',
        value: { if: { fact: 'fee', op: 'filled' }, then: { fact: 'purchaseDate' }, else: 0 },
        label: t('b', 'b'),
      };
      rules.facts!.c = { kind: 'computed', value: { if: { fact: 'zone', op: 'eq' }, then: 1, else: 0 }, label: t('c', 'c') };
    });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/facts/a/value/if', 'rules.exprArgType'],
      ['/facts/b/value/else', 'rules.exprArgType'],
      ['/facts/c/value/if/value', 'rules.exprTestValue'],
    ]);
  });

  it('when a working-day count names an unknown calendar, then it is reported', () => {
    const problems = problemsOf((rules) => {
      rules.facts!.d = {
        kind: 'computed',
        value: { workingDaysBetween: [{ fact: 'callTime' }, { fact: 'arrivalTime' }], calendar: 'nowhere' },
        label: t('d', 'd'),
      };
    });
    expect(problems.map((p) => p.code)).toEqual(['rules.unknownCalendar']);
  });
});
