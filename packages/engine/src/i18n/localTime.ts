import type { Locale } from './LocalizedText.js';

/**
 * Dates and times as people read them, the one formatter of the designer, the staff screens, the
 * server's messages and exports, and the CLI: in the stores' time zone, never ISO, never US order.
 */

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday', string>;

const formats = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, locale: Locale, timeZone: string): Parts {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value])) as Parts;
}

function instantOf(value: Date | string | number): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface LocalTimeOptions {
  timeZone: string;
  /** "Now" (the engine never reads the clock): the year is left out when it is now's year; without it the year is always shown. */
  now?: Date | string | number;
  /** Leave out the time of day (a date field). */
  dateOnly?: boolean;
}

/**
 * A moment in a sentence: "10月9日 周四 12:00" / "Thu 10-09 12:00" in this year, with the year
 * otherwise: "2028年12月1日 周五 14:00" / "Fri 2028-12-01 14:00". An unreadable value is returned as is.
 */
export function formatLocalTime(value: Date | string | number, locale: Locale, options: LocalTimeOptions): string {
  const instant = instantOf(value);
  if (!instant) return String(value);
  const p = partsOf(instant, locale, options.timeZone);
  const now = options.now === undefined ? null : instantOf(options.now);
  const withYear = !now || partsOf(now, locale, options.timeZone).year !== p.year;
  const time = options.dateOnly ? '' : ` ${p.hour}:${p.minute}`;
  if (locale === 'en') return `${p.weekday} ${withYear ? `${p.year}-` : ''}${p.month}-${p.day}${time}`;
  return `${withYear ? `${p.year}年` : ''}${Number(p.month)}月${Number(p.day)}日 ${p.weekday}${time}`;
}

/** A moment in a list, table or export: "2025-10-09 16:00" in both languages (always with the year). */
export function formatLocalDateTime(value: Date | string | number | null | undefined, locale: Locale, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = instantOf(value);
  if (!instant) return String(value);
  const p = partsOf(instant, locale, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A calendar date (a `date` field's "2028-12-01"): "2028年12月1日" / "1 Dec 2028"; the year only when it is not now's. */
export function formatLocalDate(date: string, locale: Locale, now?: { year: number }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const withYear = !now || now.year !== year;
  if (locale === 'en') {
    const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1] ?? String(month);
    return `${day} ${name}${withYear ? ` ${year}` : ''}`;
  }
  return `${withYear ? `${year}年` : ''}${month}月${day}日`;
}

/** The year of a moment in the stores' zone (for `formatLocalDate`'s "now"). */
export function localYear(value: Date | string | number, timeZone: string): number {
  const instant = instantOf(value);
  return instant ? Number(partsOf(instant, 'en', timeZone).year) : NaN;
}
