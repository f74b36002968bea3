/**
 * Local dates as day numbers (days since 1970-01-01, proleptic Gregorian, as `Date`'s UTC fields
 * count them): integer arithmetic instead of "YYYY-MM-DD" strings and `Date` objects, for the
 * calendar walks and date reading of every evaluation. `localDate.ts` is the string form.
 */
import { formatLocalDate } from './localDate.js';

export const MS_PER_DAY = 86_400_000;
/** Day numbers of 0000-01-01 and 9999-12-31: the four-digit years a calendar counts. */
export const FIRST_DAY = -719_528;
export const LAST_DAY = 2_932_896;

/** The day number of a year, month (1-12) and day of month (1-31, not checked against the month). */
export function dayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Days in a month (1-12) of a year. */
export function daysInCivilMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of the week of a day number, 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Calls `write(year, month, day)` with the date of a day number of the years 0000-9999 (the civil
 * date algorithm of H. Hinnant, public domain arithmetic) and returns what it returns.
 */
function civil<T>(dayNumber: number, write: (year: number, month: number, day: number) => T): T {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return write(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

const dateText = (year: number, month: number, day: number) => `${PAD2[(year / 100) | 0]}${PAD2[year % 100]}-${PAD2[month]}-${PAD2[day]}`;

/** "YYYY-MM-DD" of a day number; beyond the years 0000-9999 `formatLocalDate`'s extended form. */
export function formatDay(dayNumber: number): string {
  if (dayNumber < FIRST_DAY || dayNumber > LAST_DAY) return formatLocalDate(dayNumber * MS_PER_DAY);
  return civil(dayNumber, dateText);
}

// The texts of recent days (direct-mapped by day number: the instants of a record, and of the
// records of a quarter, share few days) and of each minute of a day, made once.
const DAY_SLOTS = 1024;
const dayKeys = new Float64Array(DAY_SLOTS).fill(Number.NaN);
const dayTexts = new Array<string>(DAY_SLOTS).fill('');
const MINUTE_TEXTS = Array.from({ length: 1440 }, (_, m) => `T${PAD2[(m / 60) | 0]}:${PAD2[m % 60]}:`);

function dayTextOf(day: number): string {
  const slot = day & (DAY_SLOTS - 1);
  if (dayKeys[slot] === day) return dayTexts[slot]!;
  const text = civil(day, dateText);
  dayKeys[slot] = day;
  dayTexts[slot] = text;
  return text;
}

/**
 * `new Date(ms).toISOString()` without the `Date`: "YYYY-MM-DDTHH:mm:ss.sssZ". Like it, throws a
 * RangeError on an invalid time (NaN, beyond ±8.64e15 ms); a fractional ms is cut as `Date` cuts it.
 */
export function formatInstant(ms: number): string {
  // An instant is often written several times (a deadline's start is another's end; records of a
  // day share their due times): the texts of recent ones are kept, direct-mapped by the minute.
  const slot = (ms / 60_000) & (INSTANT_SLOTS - 1);
  if (instantKeys[slot] === ms) return instantTexts[slot]!;
  const text = instantText(ms);
  instantKeys[slot] = ms;
  instantTexts[slot] = text;
  return text;
}

const INSTANT_SLOTS = 1024;
const instantKeys = new Float64Array(INSTANT_SLOTS).fill(Number.NaN);
const instantTexts = new Array<string>(INSTANT_SLOTS).fill('');

function instantText(ms: number): string {
  const time = Math.trunc(ms);
  const day = Math.floor(time / MS_PER_DAY);
  if (!(day >= FIRST_DAY && day <= LAST_DAY)) return new Date(ms).toISOString();
  const msOfDay = time - day * MS_PER_DAY;
  const msOfMinute = msOfDay % 60_000;
  const clock = MINUTE_TEXTS[(msOfDay - msOfMinute) / 60_000]!;
  if (msOfMinute === 0) return `${dayTextOf(day)}${clock}00.000Z`;
  const milli = msOfMinute % 1000;
  return `${dayTextOf(day)}${clock}${PAD2[(msOfMinute - milli) / 1000]}.${PAD3[milli]}Z`;
}

/** The decimal digit at `at`, else a number outside 0-9 (NaN past the end). */
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const isDigit = (value: number) => value >= 0 && value <= 9;

/** Two decimal digits at `at` as a number, else -1. */
function two(text: string, at: number): number {
  const a = digit(text, at);
  const b = digit(text, at + 1);
  return isDigit(a) && isDigit(b) ? a * 10 + b : -1;
}

/**
 * The day number of an existing date written exactly "YYYY-MM-DD" starting at `at` (nothing is
 * read past its 10 characters), else NaN.
 */
export function readDay(text: string, at: number): number {
  if (text.length < at + 10 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return Number.NaN;
  const y0 = digit(text, at);
  const y1 = digit(text, at + 1);
  const y2 = digit(text, at + 2);
  const y3 = digit(text, at + 3);
  const m0 = digit(text, at + 5);
  const m1 = digit(text, at + 6);
  const d0 = digit(text, at + 8);
  const d1 = digit(text, at + 9);
  if (!(isDigit(y0) && isDigit(y1) && isDigit(y2) && isDigit(y3) && isDigit(m0) && isDigit(m1) && isDigit(d0) && isDigit(d1)))
    return Number.NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInCivilMonth(year, month))) return Number.NaN;
  return dayOfCivil(year, month, day);
}

/** The day number of a local date "YYYY-MM-DD" (an existing one), else NaN. */
export function parseDay(text: string): number {
  return text.length === 10 ? readDay(text, 0) : Number.NaN;
}

/** Hours 00-23, minutes and seconds 00-59 as ms since midnight when `text` has "HH:mm" at `at` (and ":ss" when `seconds`), else NaN. */
export function readClock(text: string, at: number, seconds: boolean): number {
  if (text.charCodeAt(at + 2) !== 58) return Number.NaN;
  const hour = two(text, at);
  const minute = two(text, at + 3);
  let second = 0;
  if (seconds) {
    if (text.charCodeAt(at + 5) !== 58) return Number.NaN;
    second = two(text, at + 6);
  }
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return Number.NaN;
  return ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Three decimal digits at `at` as a number, or NaN. */
export function readMillis(text: string, at: number): number {
  const a = digit(text, at);
  const rest = two(text, at + 1);
  return isDigit(a) && rest >= 0 ? a * 100 + rest : Number.NaN;
}

/** An offset "+HH:MM" / "-HH:MM" at `at` in minutes east of UTC (hours 00-23, minutes 00-59), else NaN. */
export function readOffset(text: string, at: number): number {
  const sign = text.charCodeAt(at);
  if ((sign !== 43 && sign !== 45) || text.charCodeAt(at + 3) !== 58) return Number.NaN;
  const hour = two(text, at + 1);
  const minute = two(text, at + 4);
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return Number.NaN;
  return (sign === 45 ? -1 : 1) * (hour * 60 + minute);
}
