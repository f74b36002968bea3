import { pickText, type Locale, type LocalizedText } from '../i18n/LocalizedText.js';
import { formatLocalTime } from '../i18n/localTime.js';
import type { Deadline, Outcome } from './Outcome.js';

export interface DescribeOptions {
  locale: Locale;
  timeZone: string;
  /** Labels of policy roles and of the form's statuses, by id. */
  roleLabels: Readonly<Record<string, LocalizedText>>;
  statusLabels: Readonly<Record<string, LocalizedText>>;
  /** The moment of the evaluation: due times in its year leave the year out (without it, every due time shows its year). */
  now?: Date | string;
}

const UNIT_WORDS: Record<string, LocalizedText> = {
  workingHours: { 'zh-CN': '个工作小时', en: 'working hours' },
  workingDays: { 'zh-CN': '个工作日', en: 'working days' },
  hours: { 'zh-CN': '小时', en: 'hours' },
  days: { 'zh-CN': '天', en: 'days' },
  months: { 'zh-CN': '个月', en: 'months' },
};

/** What the policy says about a record, one plain sentence per outcome. */
export function describeOutcome(outcome: Outcome, options: DescribeOptions): string[] {
  const { locale } = options;
  const en = locale === 'en';
  const role = (id: string, person?: string) => {
    const label = options.roleLabels[id] ? pickText(options.roleLabels[id], locale) : id;
    return person ? `${label} ${person}` : label;
  };
  const status = (id: string) => (options.statusLabels[id] ? pickText(options.statusLabels[id], locale) : id);
  const money = (amount: number) => (en ? `${formatNumber(amount)} yuan` : `${formatNumber(amount)} 元`);
  return [
    ...outcome.deadlines.map((d) => describeDeadline(d, options)),
    ...outcome.approvals.map((a) =>
      en
        ? `Needs the ${role(a.approver)}'s approval before "${status(a.before)}": ${pickText(a.reason, locale)}`
        : `进入“${status(a.before)}”前需${role(a.approver)}审批：${pickText(a.reason, locale)}`,
    ),
    ...outcome.fines.map((f) =>
      en
        ? `Fine ${money(f.amount)} to the ${role(f.payer.role, f.payer.person)}: ${pickText(f.reason, locale)}`
        : `罚款 ${money(f.amount)}，由${role(f.payer.role, f.payer.person)}承担：${pickText(f.reason, locale)}`,
    ),
    ...outcome.amounts.map(
      (a) =>
        `${pickText(a.label, locale)}${en ? ': ' : '：'}${a.unit === 'CNY' ? money(a.value) : formatNumber(a.value)}${a.unit === 'percent' ? '%' : ''}`,
    ),
    ...outcome.blocks.map((b) =>
      b.before
        ? en
          ? `Cannot move to "${status(b.before)}": ${pickText(b.message, locale)}`
          : `不能进入“${status(b.before)}”：${pickText(b.message, locale)}`
        : en
          ? `Cannot be saved: ${pickText(b.message, locale)}`
          : `不能保存：${pickText(b.message, locale)}`,
    ),
    ...outcome.notices.map((n) =>
      en
        ? `Notify the ${role(n.to.role, n.to.person)}: ${pickText(n.message, locale)}`
        : `通知${role(n.to.role, n.to.person)}：${pickText(n.message, locale)}`,
    ),
  ];
}

function describeDeadline(deadline: Deadline, options: DescribeOptions): string {
  const { locale, timeZone } = options;
  const en = locale === 'en';
  const what = pickText(deadline.what, locale);
  if (!deadline.dueAt) return en ? `${what}: no due time yet (its start is not filled in)` : `${what}：尚无截止时间（起算时间未填写）`;
  const due = formatLocalTime(deadline.dueAt, locale, { timeZone, ...(options.now === undefined ? {} : { now: options.now }) });
  const unit = UNIT_WORDS[deadline.limit.unit];
  const limit = unit
    ? en
      ? ` (${formatNumber(deadline.limit.amount)} ${unit.en})`
      : `（${formatNumber(deadline.limit.amount)}${unit['zh-CN']}）`
    : '';
  const state =
    deadline.state === 'met'
      ? en
        ? ' - met'
        : '，已按时完成'
      : deadline.state === 'breached'
        ? en
          ? ` - overdue by ${formatDuration(deadline.overdueMs, locale)}`
          : `，已超时 ${formatDuration(deadline.overdueMs, locale)}`
        : '';
  return en ? `${what} by ${due}${limit}${state}` : `${what}：${due} 前${limit}${state}`;
}

/** "Thu 10-09 12:00" / "10月9日 周四 12:00" in the calendar's zone, with the year when it is not `now`'s (always without `now`). */
export function formatTime(iso: string, locale: Locale, timeZone: string, now?: Date | string): string {
  return formatLocalTime(iso, locale, { timeZone, ...(now === undefined ? {} : { now }) });
}

function formatDuration(ms: number, locale: Locale): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const en = locale === 'en';
  const parts = [
    days ? (en ? `${days} d` : `${days} 天`) : '',
    hours ? (en ? `${hours} h` : `${hours} 小时`) : '',
    mins || (!days && !hours) ? (en ? `${mins} min` : `${mins} 分钟`) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
