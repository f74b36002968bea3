import { formatLocalDate, isFourDigitYear, parseLocalDate, utcMidnight } from '../calendar/localDate.js';
import { zonedInstant, zonedLocalDate, zonedWallClock } from '../calendar/zonedTime.js';

/** A value a date function reads or gives: a local date (a date field) or an instant (a date-time field). */
export type DateValue = { kind: 'date'; date: string } | { kind: 'instant'; ms: number };

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date field's text as a local date; null when it is not an existing date. */
export function localDateValue(text: string): DateValue | null {
  if (!DATE_ONLY.test(text)) return null;
  try {
    parseLocalDate(text);
    return { kind: 'date', date: text };
  } catch {
    return null;
  }
}

/** Calendar units a date moves by. */
export type ShiftUnit = 'days' | 'months' | 'years';

/**
 * A local date moved by whole days, months or years. A month or year step that lands on a day the
 * month lacks gives the month's last day (31 January + 1 month = 28 or 29 February; 29 February
 * + 1 year = 28 February). Null beyond the years 0000-9999.
 */
export function shiftLocalDate(date: string, amount: number, unit: ShiftUnit): string | null {
  const start = parseLocalDate(date);
  let moved: number;
  if (unit === 'days') moved = start + amount * MS_PER_DAY;
  else {
    const d = new Date(start);
    const months = unit === 'years' ? amount * 12 : amount;
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + months;
    const lastDay = new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
    moved = utcMidnight(year, month, Math.min(d.getUTCDate(), lastDay));
  }
  const text = formatLocalDate(moved);
  return isFourDigitYear(text) ? text : null;
}

/**
 * A date value moved by whole calendar units. An instant moves on the wall clock of `timeZone`
 * (10:00 stays 10:00 across a daylight-saving change); a local date stays a local date.
 */
export function shiftDate(value: DateValue, amount: number, unit: ShiftUnit, timeZone: string): DateValue | null {
  if (!Number.isInteger(amount)) return null;
  if (value.kind === 'date') {
    const date = shiftLocalDate(value.date, amount, unit);
    return date === null ? null : { kind: 'date', date };
  }
  const wall = zonedWallClock(timeZone, value.ms);
  const localDate = formatLocalDate(wall.getTime());
  if (!isFourDigitYear(localDate)) return null;
  const sinceMidnight = wall.getTime() - parseLocalDate(localDate);
  const date = shiftLocalDate(localDate, amount, unit);
  if (date === null) return null;
  const minutes = Math.floor(sinceMidnight / MS_PER_MINUTE);
  return { kind: 'instant', ms: zonedInstant(timeZone, date, minutes) + (sinceMidnight - minutes * MS_PER_MINUTE) };
}

/** The local date of a date value in a time zone. */
export function localDateOf(value: DateValue, timeZone: string): string {
  return value.kind === 'date' ? value.date : zonedLocalDate(timeZone, value.ms);
}

/** Calendar days from a's local date to b's (negative when b is earlier), in `timeZone`; null beyond 0000-9999. */
export function daysBetween(a: DateValue, b: DateValue, timeZone: string): number | null {
  const from = localDateOf(a, timeZone);
  const to = localDateOf(b, timeZone);
  if (!isFourDigitYear(from) || !isFourDigitYear(to)) return null;
  return Math.round((parseLocalDate(to) - parseLocalDate(from)) / MS_PER_DAY);
}

/** The instant a date value stands for: a local date is its midnight in `timeZone`. */
export function instantOf(value: DateValue, timeZone: string): Date {
  return new Date(value.kind === 'instant' ? value.ms : zonedInstant(timeZone, value.date, 0));
}

/** A date value as a record stores it: "YYYY-MM-DD" for a date, ISO 8601 UTC for an instant. */
export function formatDateValue(value: DateValue): string {
  return value.kind === 'date' ? value.date : new Date(value.ms).toISOString();
}
