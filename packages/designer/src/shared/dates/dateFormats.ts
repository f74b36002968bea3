import { wallClockAt, type Locale } from '@aftersales/engine';
import { STORE_ZONE } from '../format';

/** A day, a day and time, or a month. */
export type DateKind = 'date' | 'dateTime' | 'month';

/** How a date reads to the person (the first format, dayjs's tokens) and what typing may give (the others, for a date typed the ISO way). */
export const FORMATS: Record<Locale, Record<DateKind, string[]>> = {
  'zh-CN': {
    date: ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY/M/D'],
    dateTime: ['YYYY年M月D日 HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY/M/D HH:mm'],
    month: ['YYYY年M月', 'YYYY-MM', 'YYYY/M'],
  },
  en: {
    date: ['D MMM YYYY', 'YYYY-MM-DD', 'D/M/YYYY'],
    dateTime: ['D MMM YYYY HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'D/M/YYYY HH:mm'],
    month: ['MMM YYYY', 'YYYY-MM', 'M/YYYY'],
  },
};

/** What an empty box says (Ant Design says "pick a date" for a date and time too). */
export const PLACEHOLDERS: Record<Locale, Record<DateKind, string>> = {
  'zh-CN': { date: '请选择日期', dateTime: '请选择日期和时间', month: '请选择月份' },
  en: { date: 'Select date', dateTime: 'Select date and time', month: 'Select month' },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A kept date as the date box shows it (the first of FORMATS: 2025年10月9日 09:00, 9 Oct 2025 09:00),
 * without the calendar's code: what the box reads while that code loads. A time is the store's
 * clock (`timeZone`, default `STORE_ZONE`), as in the calendar; a value that is no date reads as
 * nothing, as there.
 */
export function dateText(value: unknown, kind: DateKind, locale: Locale, timeZone = STORE_ZONE): string {
  if (typeof value !== 'string') return '';
  let year: number, month: number, day: number | undefined, time: string | undefined;
  if (kind === 'dateTime') {
    const wall = value === '' ? null : wallClockAt(value, timeZone);
    if (!wall) return '';
    [year, month, day, time] = [wall.year, wall.month, wall.day, `${two(wall.hour)}:${two(wall.minute)}`];
  } else {
    const parts = (kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/ : /^(\d{4})-(\d{2})$/).exec(value);
    if (!parts) return '';
    [year, month, day] = [Number(parts[1]), Number(parts[2]), parts[3] === undefined ? undefined : Number(parts[3])];
    // Strict, as the calendar: a day that does not exist (2026-02-30) is no day.
    const check = new Date(Date.UTC(year, month - 1, day ?? 1));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== (day ?? 1)) return '';
  }
  const date =
    locale === 'zh-CN'
      ? `${year}年${month}月${day === undefined ? '' : `${day}日`}`
      : `${day === undefined ? '' : `${day} `}${MONTHS[month - 1]} ${year}`;
  return time === undefined ? date : `${date} ${time}`;
}

/** A day without its year, as a chart names a week by its Monday (10月19日, 19 Oct); nothing for what is no day. */
export function dayText(value: string, locale: Locale): string {
  const full = dateText(value, 'date', locale);
  if (full === '') return '';
  const [month, day] = [Number(value.slice(5, 7)), Number(value.slice(8, 10))];
  return locale === 'zh-CN' ? `${month}月${day}日` : `${day} ${MONTHS[month - 1]}`;
}
