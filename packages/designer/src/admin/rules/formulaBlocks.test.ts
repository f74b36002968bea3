import { describe, expect, it } from 'vitest';
import { prepareRuleGroup } from 'react-querybuilder';
import type { Expr, FormDefinition, RuleSetFile } from '@aftersales/engine';
import { changeExprKind, exprChildren, exprKind, exprLosses, withChildren } from './exprTree';
import { factOptions, operatorsFor } from './factOptions';
import { formulaExample, sampleRecord } from './formulaSample';
import { fromQuery, toQuery, type BuilderGroup } from './conditionMapping';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
/** One of the default pack's P10 amounts: 5% of the installation fee, to the cent. */
const p10: Expr = { round: { mul: [{ fact: 'installFee' }, 0.05] }, digits: 2 };
const starters = { fact: 'installFee', dateFact: 'purchaseDate', dateFacts: ['purchaseDate'], testFact: 'installFee' };

const form: FormDefinition = {
  id: 'install',
  title: t('安装', 'Installation'),
  schema: {
    type: 'object',
    properties: {
      installFee: { type: 'number', 'x-title': t('安装费', 'Installation fee') },
      purchaseDate: { type: 'string', format: 'date', 'x-title': t('购买日期', 'Purchase date') },
      completedAt: { type: 'string', format: 'date-time', 'x-title': t('完工时间', 'Completed at') },
      photos: { type: 'array', items: { type: 'string' }, 'x-title': t('照片', 'Photos') },
    },
  },
};
const ruleSet: RuleSetFile = {
  id: 'install.policy',
  form: 'install',
  title: t('安装规则', 'Installation rules'),
  facts: { warrantyEnd: { kind: 'computed', value: { addYears: [{ fact: 'purchaseDate' }, 2] }, label: t('保修截止', 'Warranty end') } },
  rules: [],
  tests: [{ name: 'sample', record: { installFee: 600, purchaseDate: '2026-12-01' }, now: '2026-12-01 10:00', expectFired: [] }],
};

describe('formula blocks', () => {
  it('when a P10 amount is read, then it shows as rounding to 2 decimals of 5% of the fee, and writes back the same JSON', () => {
    expect(exprKind(p10)).toBe('round');
    const [percent] = exprChildren(p10);
    expect(exprKind(percent!)).toBe('percent');
    expect(exprChildren(percent!)).toEqual([{ fact: 'installFee' }]);
    expect(withChildren(p10, [withChildren(percent!, [{ fact: 'installFee' }])])).toEqual(p10);
  });

  it('when a P10 amount is switched to another block, then what it drops is told (the 5% and the 2 decimals), or nothing when it wraps', () => {
    // A percentage wraps the amount as it is (100% of it): nothing to ask.
    expect(changeExprKind(p10, 'percent', starters)).toEqual({ mul: [p10, 1] });
    expect(exprLosses(p10, changeExprKind(p10, 'percent', starters))).toEqual([]);
    expect(exprLosses(p10, changeExprKind(p10, 'number', starters))).toEqual(['digits:2', 'fact:installFee', 'n:0.05']);
    expect(exprLosses(p10, changeExprKind(p10, 'if', starters))).toEqual([]);
    expect(exprLosses(p10, changeExprKind(p10, 'ceil', starters))).toEqual(['digits:2']);
    expect(changeExprKind({ fact: 'installFee' }, 'percent', starters)).toEqual({ mul: [{ fact: 'installFee' }, 1] });
  });

  it('when a date block is chosen, then it starts from the date field and two years can be set', () => {
    const start = changeExprKind({ fact: 'purchaseDate' }, 'addYears', starters);
    expect(start).toEqual({ addYears: [{ fact: 'purchaseDate' }, 1] });
    expect(withChildren(start, [{ fact: 'purchaseDate' }, 2])).toEqual({ addYears: [{ fact: 'purchaseDate' }, 2] });
    expect(changeExprKind(start, 'addMonths', starters)).toEqual({ addMonths: [{ fact: 'purchaseDate' }, 1] });
    expect(changeExprKind(0, 'workingDaysBetween', starters)).toEqual({
      workingDaysBetween: [{ fact: 'purchaseDate' }, { fact: 'purchaseDate' }],
    });
  });

  it('when a computed fact gives a date, then it is offered as a date fact (a deadline can start from it)', () => {
    const facts = factOptions(form, ruleSet);
    expect(facts.find((f) => f.name === 'warrantyEnd')?.kind).toBe('date');
  });

  it('when the example is computed, then the engine gives 5% of 600 rounded, and the warranty end two years on, in words', () => {
    const facts = factOptions(form, ruleSet);
    const now = new Date('2026-12-01T02:00:00Z');
    const sample = sampleRecord(facts, ruleSet, now, 'Asia/Shanghai');
    expect(sample).toMatchObject({ installFee: 600, purchaseDate: '2026-12-01' });
    const input = { form, ruleSet, calendars: [], facts, sample, now, locale: 'zh-CN' as const, label: (n: string) => n };
    expect(formulaExample(p10, input)).toEqual({ value: '30', inputs: [{ label: 'installFee', value: '600' }] });
    expect(formulaExample({ fact: 'warrantyEnd' }, input).value).toBe('2028年12月1日');
    expect(formulaExample({ addYears: [{ fact: 'purchaseDate' }, 2] }, { ...input, locale: 'en' }).value).toBe('December 1, 2028');
  });
});

describe('is filled / has any conditions', () => {
  const facts = factOptions(form, ruleSet);
  it('when a field is picked, then is filled / is empty are offered, and for lists has any / has none', () => {
    expect(operatorsFor(facts.find((f) => f.name === 'completedAt'))).toEqual(expect.arrayContaining(['isFilled', 'isEmpty']));
    expect(operatorsFor(facts.find((f) => f.name === 'photos'))).toEqual(expect.arrayContaining(['hasAny', 'hasNone']));
  });

  it('when an is-filled condition is written, then its value is true and it reads back unchanged', () => {
    const query = prepareRuleGroup({
      combinator: 'and',
      rules: [{ field: 'completedAt', operator: 'isFilled', value: '' }],
    }) as BuilderGroup;
    expect(fromQuery(query)).toEqual({ all: [{ fact: 'completedAt', operator: 'isFilled', value: true }] });
    const condition = { all: [{ fact: 'completedAt', operator: 'isFilled', value: true }] };
    expect(fromQuery(toQuery(condition))).toEqual(condition);
  });
});

describe('a deadline completion field the form lacks', () => {
  it('when the field is missing, then the form gains a labelled date-time field; when present, nothing is offered', async () => {
    const { withCompletionField } = await import('./withCompletionField');
    const next = withCompletionField(form, 'installedAt', t('安装', 'Installation'));
    expect(next?.schema.properties?.installedAt).toEqual({
      type: 'string',
      format: 'date-time',
      'x-title': { 'zh-CN': '安装完成时间', en: 'Installation done at' },
    });
    expect(withCompletionField(next!, 'installedAt', t('安装', 'Installation'))).toBeUndefined();
    expect(withCompletionField(form, 'completedAt', t('安装', 'Installation'))).toBeUndefined();
  });
});

describe('a product shown as multiplication', () => {
  it('when x × 1.06 is shown as a multiplication, then both operands are its children and edit back into it', () => {
    const product: Expr = { mul: [{ fact: 'installFee' }, 1] };
    expect(exprChildren(product)).toEqual([{ fact: 'installFee' }]);
    expect(exprChildren(product, 'mul')).toEqual([{ fact: 'installFee' }, 1]);
    expect(withChildren(product, [{ fact: 'installFee' }, 1.06], 'mul')).toEqual({ mul: [{ fact: 'installFee' }, 1.06] });
  });
});
