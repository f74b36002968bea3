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

  const ticket: FormDefinition = {
    id: 'service-ticket',
    title: t('服务单', 'Service ticket'),
    schema: {
      type: 'object',
      properties: { hasContract: { type: 'boolean', 'x-title': t('有保养合同', 'Has a maintenance contract') } },
    },
    statusFlow: { initial: 'open', states: [{ id: 'open', label: t('受理', 'Open') }], transitions: [] },
  };
  const withLink: FormDefinition = structuredClone(form);
  withLink.schema.properties!.ticket = {
    type: 'string',
    'x-kind': 'link',
    'x-linkForm': 'service-ticket',
    'x-title': t('服务单', 'Service ticket'),
  };
  withLink.schema.properties!.doneAt = { type: 'string', format: 'date-time', 'x-title': t('完工时间', 'Finished at') };
  withLink.schema.properties!.calledAt = { type: 'string', format: 'date-time', 'x-title': t('来电时间', 'Called at') };
  const codes =
    /ticket|hasContract|doneAt|calledAt|installFee|brand|\$status|isBig|ticketStatus|sinceCall|sameBrand|extra|service-ticket|workdays/;

  it('when facts change what they read, then each reads as what it is, before and after, with no codes', () => {
    const before: RuleSetFile = {
      ...structuredClone(v1),
      facts: {
        ticketStatus: { kind: 'linked', field: 'ticket', path: '$status', type: 'string', label: t('服务单的状态', 'Ticket: Status') },
        sinceCall: { kind: 'workingHours', from: 'calledAt', label: t('来电至今', 'Since the call') },
        sameBrand: {
          kind: 'history',
          type: 'integer',
          label: t('本月同品牌', 'Same brand this month'),
          query: { aggregate: 'count', window: { unit: 'month' }, where: [{ field: 'brand', op: 'eq', value: { fact: 'brand' } }] },
        },
        extra: { kind: 'computed', value: { mul: [{ fact: 'installFee' }, 0.1] }, label: t('', '') },
      },
      conditions: { isBig: { all: [{ fact: 'installFee', operator: 'greaterThan', value: 500 }] } },
      conditionTitles: { isBig: t('大额安装', 'Large installation') },
    };
    const after: RuleSetFile = structuredClone(before);
    after.facts!.ticketStatus = {
      kind: 'linked',
      field: 'ticket',
      path: 'hasContract',
      type: 'boolean',
      label: t('服务单的有保养合同', 'Ticket: Has a maintenance contract'),
    };
    after.facts!.sinceCall = {
      kind: 'workingDays',
      from: 'calledAt',
      to: 'doneAt',
      calendar: 'workdays',
      label: t('来电至今', 'Since the call'),
    };
    after.facts!.sameBrand = {
      ...before.facts!.sameBrand!,
      query: { ...(before.facts!.sameBrand as { query: object }).query, window: { unit: 'days', amount: 30 } },
    } as typeof before.facts extends Record<string, infer F> | undefined ? F : never;
    after.facts!.extra = { kind: 'computed', value: { mul: [{ fact: 'installFee' }, 0.2] }, label: t('', '') };
    after.conditions!.isBig = { all: [{ fact: 'installFee', operator: 'greaterThan', value: 800 }] };
    const context = {
      form: withLink,
      roleLabel,
      calendarLabel: (id: string) => (id === 'workdays' ? '门店工作日' : '?'),
      formOf: (id: string) => (id === 'service-ticket' ? ticket : undefined),
    };

    const changes = ruleSetChanges(before, after, context, 'zh-CN');
    expect(changes).toEqual([
      {
        subject: '事实“服务单的有保养合同”',
        kind: 'changed',
        details: ['标签：服务单的状态 → 服务单的有保养合同', '定义：“服务单”关联记录的“状态” → “服务单”关联记录的“有保养合同”'],
      },
      {
        subject: '事实“来电至今”',
        kind: 'changed',
        details: ['定义：从“来电时间”到“现在”的工作小时数 → 从“来电时间”到“完工时间”的工作日数（日历：门店工作日）'],
      },
      {
        subject: '事实“本月同品牌”',
        kind: 'changed',
        details: ['定义：本月“安装”的记录数，其中“品牌” = 本记录的“品牌” → 近 30 天“安装”的记录数，其中“品牌” = 本记录的“品牌”'],
      },
      { subject: '第 4 个事实', kind: 'changed', details: ['公式：“安装费” × 0.1 → “安装费” × 0.2'] },
      { subject: '共享条件“大额安装”', kind: 'changed', details: ['条件：安装费 > 500 → 安装费 > 800'] },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(codes);
    expect(ruleSetChanges(before, after, context, 'en')[0]!.details[1]).toBe(
      'definition: "Status" of the record linked by "Service ticket" → "Has a maintenance contract" of the record linked by "Service ticket"',
    );
  });

  it('when a computed field changes its formula and a link field its form, then the form changes say so in words', () => {
    const before: FormDefinition = structuredClone(withLink);
    before.schema.properties!.total = { type: 'number', 'x-title': t('合计', 'Total'), 'x-formula': { mul: [{ fact: 'installFee' }, 1] } };
    const after: FormDefinition = structuredClone(before);
    after.schema.properties!.total!['x-formula'] = { mul: [{ fact: 'installFee' }, 1.06] };
    after.schema.properties!.ticket!['x-linkForm'] = 'complaint-log';
    after.schema.properties!.discount = {
      type: 'number',
      'x-title': t('折扣', 'Discount'),
      'x-formula': { mul: [{ fact: 'total' }, 0.1] },
    };
    delete after.schema.properties!.installFee!['x-formula'];
    const formLabel = (id: string) => (id === 'service-ticket' ? '服务单' : '投诉登记表');
    const changes = formChanges(before, after, 'zh-CN', { formLabel });
    expect(changes).toEqual([
      { subject: '字段“服务单”', kind: 'changed', details: ['关联表单：服务单 → 投诉登记表'] },
      { subject: '字段“合计”', kind: 'changed', details: ['公式：“安装费” × 1 → “安装费” × 1.06'] },
      { subject: '字段“折扣”', kind: 'added', details: ['数字', '公式：“合计” × 0.1'] },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(codes);
    const off: FormDefinition = structuredClone(after);
    delete off.schema.properties!.total!['x-formula'];
    expect(formChanges(after, off, 'zh-CN', { formLabel })).toEqual([
      { subject: '字段“合计”', kind: 'changed', details: ['不再按公式计算（原公式：“安装费” × 1.06）'] },
    ]);
    expect(formChanges(before, after, 'en', { formLabel })[2]).toEqual({
      subject: 'Field "Discount"',
      kind: 'added',
      details: ['number', "formula: 'Total' × 0.1"],
    });
  });
});
