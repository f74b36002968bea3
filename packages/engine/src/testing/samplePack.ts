// A small pack for the engine's own tests: one form, one rule set, a calendar and roles.
import type { CalendarFile } from '../calendar/CalendarFile.js';
import type { FormDefinition } from '../forms/FormDefinition.js';
import type { RolesFile } from '../forms/RolesFile.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { PackFile } from '../pack/Pack.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const sampleForm: FormDefinition = {
  $schema: './meta/form.schema.json',
  id: 'repair-call',
  title: t('报修', 'Repair call'),
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
      notes: { type: 'string', maxLength: 5000, 'x-title': t('备注', 'Notes') },
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
    },
  },
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

export const sampleRuleSet: RuleSetFile = {
  $schema: '../meta/ruleset.schema.json',
  id: 'repair-call.policy',
  form: 'repair-call',
  title: t('报修规则', 'Repair call rules'),
  calendar: 'office',
  facts: {
    hoursToArrival: {
      kind: 'workingHours',
      from: 'callTime',
      to: 'arrivalTime',
      label: t('来电到到场工作小时', 'Working hours from call to arrival'),
    },
    partsTotal: { kind: 'computed', value: { sum: 'parts', field: 'qty', times: 'unitPrice' }, label: t('配件合计', 'Parts total') },
  },
  conditions: { isUrban: { all: [{ fact: 'zone', operator: 'equal', value: 'urban' }] } },
  conditionTitles: { isUrban: t('市区来电', 'Urban call') },
  rules: [
    {
      name: 'arrive-urban',
      title: t('市区 6 工作小时内到场', 'Urban: arrive within 6 working hours'),
      catalog: ['T1'],
      // Several priority levels: json-rules-engine runs them one after another, which is
      // where overlapping runs on one Engine would skip rules.
      priority: 10,
      conditions: { all: [{ condition: 'isUrban' }] },
      event: {
        type: 'deadline',
        params: {
          key: 'arrival',
          what: t('到场', 'Arrive on site'),
          from: 'callTime',
          limit: { unit: 'workingHours', amount: 6 },
          metBy: 'arrivalTime',
          owner: { role: 'technician', personField: 'technician' },
          onBreach: {
            fines: [{ payer: { role: 'technician', personField: 'technician' }, amount: 10, reason: t('迟到', 'Late arrival') }],
          },
        },
      },
    },
    {
      name: 'big-fee-approval',
      title: t('费用超过 200 元需总经理审批', 'Fee above 200 needs the general manager'),
      catalog: ['A1'],
      priority: 5,
      conditions: { all: [{ fact: 'fee', operator: 'greaterThan', value: 200 }] },
      event: {
        type: 'approval',
        params: { approver: 'generalManager', before: 'completed', reason: t('费用超过 200 元', 'Fee above 200 yuan') },
      },
    },
    {
      name: 'parts-commission',
      title: t('配件提成 5%', 'Parts commission 5%'),
      conditions: { all: [{ fact: 'partsTotal', operator: 'greaterThan', value: 0 }] },
      event: {
        type: 'amount',
        params: { name: 'commission', label: t('提成', 'Commission'), value: { mul: [{ fact: 'partsTotal' }, 0.05] }, unit: 'CNY' },
      },
    },
    {
      name: 'late-fine',
      title: t('到场超过 6 工作小时罚款', 'Fine for arriving after 6 working hours'),
      conditions: { all: [{ fact: 'hoursToArrival', operator: 'greaterThan', value: 6 }] },
      event: {
        type: 'fine',
        params: {
          payer: { role: 'technician', personField: 'technician' },
          amount: { mul: [{ fact: 'fee' }, 1] },
          reason: t('迟到', 'Late'),
        },
      },
    },
  ],
};

export const sampleCalendar: CalendarFile = {
  $schema: '../meta/calendar.schema.json',
  id: 'office',
  title: t('办公日历', 'Office calendar'),
  timeZone: 'Asia/Shanghai',
  week: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
    ]),
  ),
  holidays: [{ date: '2025-10-01', name: t('国庆节', 'National Day') }],
  workdays: [{ date: '2025-09-28', name: t('国庆调休', 'National Day make-up') }],
};

export const sampleRoles: RolesFile = {
  $schema: '../schemas/meta/roles.schema.json',
  id: 'roles',
  title: t('角色', 'Roles'),
  roles: [
    { id: 'technician', label: t('技术员', 'Technician') },
    { id: 'generalManager', label: t('总经理', 'General manager') },
  ],
};

/** The sample pack as files, pretty-printed like files on disk. */
export function samplePackFiles(overrides: Partial<Record<'form' | 'rules' | 'calendar' | 'roles', unknown>> = {}): PackFile[] {
  const text = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  return [
    { path: 'schemas/repair-call.form.json', text: text(overrides.form ?? sampleForm) },
    { path: 'rules/repair-call/policy.rules.json', text: text(overrides.rules ?? sampleRuleSet) },
    { path: 'rules/calendars/office.calendar.json', text: text(overrides.calendar ?? sampleCalendar) },
    { path: 'rules/roles.json', text: text(overrides.roles ?? sampleRoles) },
  ];
}
