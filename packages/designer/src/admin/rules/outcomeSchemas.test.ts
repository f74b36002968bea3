import { describe, expect, it } from 'vitest';
import { OUTCOME_TYPES } from '@aftersales/engine';
import { outcomeForm, outcomeParamSchemas } from './outcomeSchemas';
import { exprMode } from './exprMode';

const choices = {
  roles: [{ id: 'generalManager', label: { 'zh-CN': '总经理', en: 'General manager' } }],
  statuses: [{ id: 'closed', label: { 'zh-CN': '已结案', en: 'Closed' } }],
  dateFields: [{ name: 'callTime', label: { 'zh-CN': '来电时间', en: 'Call time' } }],
  personFields: [],
  calendars: [],
};

describe('outcomeSchemas', () => {
  it('when the meta-schema is read, then every outcome type has its params schema', () => {
    expect(Object.keys(outcomeParamSchemas()).sort()).toEqual([...OUTCOME_TYPES].sort());
  });

  for (const type of OUTCOME_TYPES) {
    it(`when the ${type} form is generated, then it has no reference left and amounts use the amount editor`, () => {
      const { schema, uiSchema } = outcomeForm(
        type,
        choices,
        (k) => k,
        (t) => t.en,
      );
      expect(JSON.stringify(schema)).not.toContain('$ref');
      if (type === 'fine') expect((uiSchema.amount as Record<string, unknown>)['ui:field']).toBe('expr');
      if (type === 'approval') {
        expect((uiSchema.approver as Record<string, unknown>)['ui:widget']).toBe('choice');
        expect((uiSchema.before as Record<string, unknown>)['ui:options']).toEqual({ choices: [['closed', 'Closed']] });
      }
    });
  }
});

describe('exprMode', () => {
  it('when an amount has a simple shape, then the editor shows its simple form', () => {
    expect(exprMode(10)).toBe('fixed');
    expect(exprMode({ fact: 'fee' })).toBe('fact');
    expect(exprMode({ mul: [{ fact: 'fee' }, 0.05] })).toBe('percent');
    expect(exprMode({ sum: 'parts', field: 'qty', times: 'unitPrice' })).toBe('sum');
  });
  it('when an amount is any other formula, then it is edited as JSON', () => {
    expect(exprMode({ add: [1, { fact: 'fee' }] })).toBe('formula');
    expect(exprMode({ mul: [0.05, { fact: 'fee' }] })).toBe('formula');
  });
});
