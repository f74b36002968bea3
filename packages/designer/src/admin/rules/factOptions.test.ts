import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@aftersales/engine';
import { newFact } from './factModel';
import { factOptions, operatorsFor } from './factOptions';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form: FormDefinition = {
  id: 'f',
  title: t('表', 'Form'),
  schema: {
    type: 'object',
    properties: {
      fee: { type: 'number', 'x-title': t('费用', 'Fee') },
      zone: { type: 'string', enum: ['u'], 'x-enumTitles': { u: t('市区', 'Urban') }, 'x-title': t('区域', 'Zone') },
      customer: {
        type: 'object',
        'x-title': t('客户', 'Customer'),
        properties: { name: { type: 'string', 'x-title': t('姓名', 'Name') } },
      },
      parts: { type: 'array', 'x-title': t('配件', 'Parts'), items: { type: 'object', properties: { qty: { type: 'integer' } } } },
    },
  },
  statusFlow: { initial: 'open', states: [{ id: 'open', label: t('处理中', 'Open') }], transitions: [] },
};

describe('factOptions', () => {
  const facts = factOptions(form, { facts: { hours: { kind: 'workingHours', from: 'a', label: t('工时', 'Hours') } } });

  it('when the form has nested and repeating fields, then each leaf is a fact with a path and label', () => {
    expect(facts.map((f) => [f.name, f.kind, f.many])).toEqual([
      ['fee', 'number', false],
      ['zone', 'choice', false],
      ['customer.name', 'string', false],
      ['parts.qty', 'number', true],
      ['parts', 'list', false],
      ['hours', 'number', false],
      ['$status', 'choice', false],
      ['@condition', 'reference', false],
    ]);
    expect(facts.find((f) => f.name === 'customer.name')?.label).toEqual(t('客户 / 姓名', 'Customer / Name'));
  });

  it('when a fact is inside repeating lines, then "some line" and "every line" operators are offered', () => {
    expect(operatorsFor(facts.find((f) => f.name === 'parts.qty'))).toContain('someFact:greaterThan');
    expect(operatorsFor(facts.find((f) => f.name === 'fee'))).toContain('greaterThan');
  });

  it('when computed and history facts are declared in the facts editor, then the condition builder offers them as numbers', () => {
    const starters = { dateFields: [], numericFacts: ['fee'] };
    const declared = factOptions(form, { facts: { perUnit: newFact('computed', starters), complaints: newFact('history', starters) } });
    expect(declared.filter((f) => f.source !== 'field').map((f) => [f.name, f.kind, f.source])).toEqual([
      ['perUnit', 'number', 'derived'],
      ['complaints', 'number', 'history'],
      ['$status', 'choice', 'status'],
      ['@condition', 'reference', 'reference'],
    ]);
    expect(operatorsFor(declared.find((f) => f.name === 'complaints'))).toContain('greaterThan');
  });
});
