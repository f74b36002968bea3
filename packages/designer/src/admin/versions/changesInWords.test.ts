import { describe, expect, it } from 'vitest';
import type { FormDefinition, RuleSetFile } from '@aftersales/engine';
import { formChanges, ruleSetChanges } from './changesInWords';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const form: FormDefinition = {
  id: 'install',
  title: t('安装', 'Installation'),
  schema: {
    type: 'object',
    required: ['installFee'],
    properties: {
      installFee: { type: 'number', 'x-title': t('安装费', 'Installation fee') },
      brand: { type: 'string', enum: ['gree'], 'x-enumTitles': { gree: t('格力', 'Gree') }, 'x-title': t('品牌', 'Brand') },
    },
  },
  statusFlow: {
    initial: 'open',
    states: [
      { id: 'open', label: t('受理', 'Open') },
      { id: 'accepted', label: t('已验收', 'Accepted') },
    ],
    transitions: [{ from: 'open', to: 'accepted' }],
  },
};
const v1: RuleSetFile = {
  id: 'install.policy',
  form: 'install',
  title: t('安装规则', 'Installation rules'),
  rules: [
    {
      name: 'big-fee',
      title: t('安装费大于 500 需审批', 'Fee above 500 needs approval'),
      conditions: { all: [{ fact: 'installFee', operator: 'greaterThan', value: 500 }] },
      event: { type: 'approval', params: { approver: 'afterSalesManager', before: 'accepted', reason: t('大额', 'Large') } },
    },
    {
      name: 'old',
      title: t('旧规则', 'Old rule'),
      conditions: { all: [] },
      event: { type: 'block', params: { message: t('停', 'Stop') } },
    },
  ],
};
const roleLabel = (id: string) => (id === 'afterSalesManager' ? t('售后经理', 'After-sales manager') : undefined);
const context = { form, roleLabel, calendarLabel: (id: string) => id };

describe('changes between versions in words', () => {
  it('when a rule changes its limit, one is removed and one is added, then each reads rule by rule with sentences and no codes', () => {
    const v2: RuleSetFile = structuredClone(v1);
    v2.rules[0]!.conditions = { all: [{ fact: 'installFee', operator: 'greaterThan', value: 800 }] };
    v2.rules.splice(1, 1);
    v2.rules.push({
      name: 'brand-filled',
      title: t('品牌必须填写', 'Brand must be filled'),
      conditions: { all: [{ fact: 'brand', operator: 'isEmpty', value: true }] },
      event: { type: 'block', params: { message: t('请填写品牌', 'Fill in the brand'), before: 'accepted' } },
    });
    const changes = ruleSetChanges(v1, v2, context, 'zh-CN');
    expect(changes).toEqual([
      { subject: '规则“安装费大于 500 需审批”', kind: 'changed', details: ['条件：安装费 > 500 → 安装费 > 800'] },
      { subject: '规则“品牌必须填写”', kind: 'added', details: ['当 品牌 未填写 → 请填写品牌：不能进入“已验收”'] },
      { subject: '规则“旧规则”', kind: 'removed', details: [] },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/afterSalesManager|big-fee|installFee|accepted/);
    expect(ruleSetChanges(v1, v2, context, 'en')[0]!.details).toEqual(['conditions: Installation fee > 500 → Installation fee > 800']);
  });

  it('when form fields change, then each change reads field by field', () => {
    const after: FormDefinition = structuredClone(form);
    after.schema.required = [];
    after.schema.properties!.brand!.enum = ['gree', 'midea'];
    after.schema.properties!.brand!['x-enumTitles'] = { gree: t('格力', 'Gree'), midea: t('美的', 'Midea') };
    after.schema.properties!.purchaseDate = { type: 'string', format: 'date', 'x-title': t('购买日期', 'Purchase date') };
    expect(formChanges(form, after, 'zh-CN')).toEqual([
      { subject: '字段“安装费”', kind: 'changed', details: ['改为选填'] },
      { subject: '字段“品牌”', kind: 'changed', details: ['新增选项：美的'] },
      { subject: '字段“购买日期”', kind: 'added', details: ['日期'] },
    ]);
  });
});
