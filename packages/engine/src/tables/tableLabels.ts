import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { FactCatalog } from '../rules/factCatalog.js';
import type { OutcomeEvent } from '../outcome/OutcomeEvent.js';
import type { DecisionTable, TableInput, TableOutput } from './DecisionTable.js';

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

export const DEADLINE_UNIT_LABELS: Record<string, LocalizedText> = {
  workingHours: text('工作小时', 'working hours'),
  workingDays: text('工作日', 'working days'),
  hours: text('小时', 'hours'),
  days: text('天', 'days'),
  months: text('个月', 'months'),
  endOfWorkingDay: text('当日下班前', 'end of working day'),
  dayOfNextMonth: text('次月某日', 'day of next month'),
};

const PARAM_LABELS: Record<string, LocalizedText> = {
  reason: text('原因', 'Reason'),
  message: text('内容', 'Message'),
  what: text('事项', 'What'),
  approver: text('审批人', 'Approver'),
  before: text('在此状态前审批', 'Approve before'),
  role: text('角色', 'Role'),
  unit: text('单位', 'Unit'),
  label: text('名称', 'Label'),
  currency: text('币种', 'Currency'),
  calendar: text('日历', 'Calendar'),
};

/** The column heading of an input: the field's label. */
export function inputLabel(input: TableInput, facts?: FactCatalog): LocalizedText {
  const label = facts?.(input.fact)?.label;
  return label ?? text(input.fact, input.fact);
}

/** The column heading of an output, in words (never the parameter's path). */
export function outputLabel(table: Pick<DecisionTable, 'event' | 'outputs'>, output: TableOutput, facts?: FactCatalog): LocalizedText {
  const [head, ...rest] = output.path.map(String);
  const event: OutcomeEvent = table.event;
  if (output.kind === 'percent') {
    const of = output.percentOf ? (facts?.(output.percentOf)?.label ?? text(output.percentOf, output.percentOf)) : text('', '');
    return text(`占“${of['zh-CN']}”的百分比（%）`, `Percent of '${of.en}' (%)`);
  }
  if (event.type === 'fine' && head === 'amount') return text('罚款金额（元）', 'Fine (yuan)');
  if (event.type === 'fine' && head === 'payer') return text('承担人', 'Payer');
  if (event.type === 'deadline' && head === 'limit' && rest[0] === 'amount') return text('时限', 'Time limit');
  if (event.type === 'deadline' && head === 'limit' && rest[0] === 'unit') return text('时限单位', 'Unit');
  if (event.type === 'amount' && head === 'value') return event.params.label;
  if (event.type === 'notify' && head === 'to') return text('通知对象', 'Notify');
  const known = PARAM_LABELS[rest.length ? rest[rest.length - 1]! : head!] ?? PARAM_LABELS[head!];
  if (known) return known;
  const index = table.outputs.indexOf(output) + 1;
  return text(`结果 ${index}`, `Output ${index}`);
}
