import { describe, expect, it } from 'vitest';
import type { FormDefinition, RuleSetFile } from '@aftersales/engine';
import { checkDefinitions } from './checkDefinitions';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form: FormDefinition = {
  id: 'f',
  title: t('表', 'Form'),
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { fee: { type: 'number', 'x-title': t('费', 'Fee') } },
  },
};

describe('checkDefinitions', () => {
  it('when a draft rule names an unknown field, then the engine problem points at its line in the JSON view', () => {
    const ruleSet: RuleSetFile = {
      id: 'f.policy',
      form: 'f',
      title: t('规则', 'Rules'),
      rules: [
        {
          name: 'r',
          title: t('规则', 'Rule'),
          conditions: { all: [{ fact: 'nope', operator: 'greaterThan', value: 1 }] },
          event: { type: 'block', params: { message: t('不行', 'No') } },
        },
      ],
    };
    const { form: formProblems, ruleSet: problems } = checkDefinitions({ form, ruleSet, calendars: [], roles: null });
    expect(formProblems).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'rules.unknownFact', pointer: '/rules/0/conditions/all/0/fact' });
    const text = JSON.stringify(ruleSet, null, 2).split('\n');
    expect(text[problems[0]!.line! - 1]).toContain('"fact": "nope"');
  });

  it('when a choice option lacks a label, then the form problem is reported', () => {
    const bad = { ...form, schema: { ...form.schema, properties: { zone: { type: 'string', enum: ['a'] } } } } as FormDefinition;
    expect(checkDefinitions({ form: bad, calendars: [], roles: null }).form.map((p) => p.code)).toEqual(['form.missingEnumTitle']);
  });
});
