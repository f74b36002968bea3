// Seed data: the test's own form and the rule set "pushed through the CLI".
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const repairCallForm = {
  $schema: './meta/form.schema.json',
  id: 'repair-call',
  title: t('报修登记', 'Repair call'),
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    additionalProperties: false,
    required: ['callTime', 'zone'],
    properties: {
      callTime: { type: 'string', format: 'date-time', 'x-title': t('来电时间', 'Call time') },
      arrivalTime: { type: 'string', format: 'date-time', 'x-title': t('到场时间', 'Arrival time') },
      zone: {
        type: 'string',
        enum: ['urban', 'suburban'],
        'x-title': t('区域', 'Zone'),
        'x-enumTitles': { urban: t('市区', 'Urban'), suburban: t('郊区', 'Suburban') },
      },
      technician: { type: 'string', maxLength: 200, 'x-title': t('技术员', 'Technician') },
      fee: { type: 'number', minimum: 0, 'x-title': t('费用', 'Fee'), 'x-kind': 'money' },
      parts: {
        type: 'array',
        maxItems: 100,
        'x-title': t('配件', 'Parts'),
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200, 'x-title': t('名称', 'Name') },
            qty: { type: 'integer', minimum: 1, 'x-title': t('数量', 'Qty') },
            unitPrice: { type: 'number', minimum: 0, 'x-title': t('单价', 'Unit price') },
          },
        },
      },
      customer: {
        type: 'object',
        'x-title': t('客户', 'Customer'),
        properties: { name: { type: 'string', 'x-title': t('姓名', 'Name') }, vip: { type: 'boolean', 'x-title': t('VIP', 'VIP') } },
      },
    },
  },
  uiSchema: { parts: { items: { name: { 'ui:placeholder': '...' } } } },
  statusFlow: {
    initial: 'received',
    states: [
      { id: 'received', label: t('受理', 'Received') },
      { id: 'completed', label: t('已完工', 'Completed') },
      { id: 'closed', label: t('已结案', 'Closed'), final: true },
    ],
    transitions: [
      { from: 'received', to: 'completed' },
      { from: 'completed', to: 'closed' },
    ],
  },
};

/** A rule set as an integrator writes it: every condition shape the meta-schema allows. */
export const pushedRuleSet = {
  $schema: '../meta/ruleset.schema.json',
  id: 'repair-call.integrator',
  form: 'repair-call',
  title: t('集成商规则', 'Integrator rules'),
  calendar: 'default-store',
  facts: {
    hoursToArrival: {
      kind: 'workingHours',
      from: 'callTime',
      to: 'arrivalTime',
      label: t('来电到到场工作小时', 'Working hours from call to arrival'),
    },
  },
  conditions: { isUrban: { all: [{ fact: 'zone', operator: 'equal', value: 'urban' }] } },
  rules: [
    {
      name: 'late-urban',
      title: t('市区迟到', 'Late in the city'),
      catalog: ['T1'],
      priority: 10,
      conditions: {
        all: [{ condition: 'isUrban' }, { fact: 'hoursToArrival', operator: 'greaterThan', value: 6, priority: 2, name: 'over six' }],
      },
      event: {
        type: 'fine',
        params: { payer: { role: 'technician', personField: 'technician' }, amount: 10, reason: t('迟到', 'Late arrival') },
      },
    },
    {
      name: 'odd-shapes',
      title: t('各种条件', 'Every shape'),
      enabled: false,
      conditions: {
        any: [
          { not: { fact: 'fee', operator: 'lessThanInclusive', value: 100 } },
          { not: { all: [{ fact: 'parts.qty', operator: 'someFact:greaterThan', value: 5 }], name: 'inner' } },
          { fact: 'arrivalTime', operator: 'equal', value: { fact: 'callTime' } },
          { fact: 'customer', operator: 'equal', value: true, path: '$.vip', params: { note: 'path into an object fact' } },
          { any: [{ fact: 'zone', operator: 'in', value: ['urban', 'suburban'] }, { not: { condition: 'isUrban' } }], priority: 3 },
        ],
      },
      event: { type: 'notify', params: { to: { role: 'generalManager' }, message: t('请查看', 'Please look') } },
    },
  ],
};
