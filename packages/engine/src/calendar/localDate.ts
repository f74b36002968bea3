/** Calendar arithmetic on local dates ("YYYY-MM-DD"), independent of any time zone. */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The UTC midnight (epoch ms) of a local date's numbers; throws an Error on a malformed or impossible date. */
export function parseLocalDate(text: string): number {
  const match = LOCAL_DATE.exec(text);
  const utc = match ? utcMidnight(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || formatLocalDate(utc) !== text) throw new Error(`invalid date "${text}": expected an existing date "YYYY-MM-DD"`);
  return utc;
}

/**
 * The UTC midnight (epoch ms) of a year, zero-based month and day, which may overflow into the next
 * month or year. Unlike `Date.UTC`, years 0-99 are those years, not 1900-1999.
 */
export function utcMidnight(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/**
 * The local date whose numbers are those of a UTC instant: "YYYY-MM-DD" for years 0000-9999, the
 * ISO extended form ("+010000-01-01", "-000001-12-31") beyond, "" for NaN.
 */
export function formatLocalDate(utc: number): string {
  if (Number.isNaN(utc)) return '';
  const iso = new Date(utc).toISOString();
  return iso.slice(0, iso.indexOf('T'));
}

/** Whether a local date from `formatLocalDate` has a four-digit year (0000-9999), the years a calendar counts. */
export function isFourDigitYear(date: string): boolean {
  return LOCAL_DATE.test(date);
}

const neighbours = new Map<string, string>();

/** The local date `days` days after (or before, when negative) `date`; single steps are memoized (calendar walks). */
export function addLocalDays(date: string, days: number): string {
  if (days !== 1 && days !== -1) return formatLocalDate(parseLocalDate(date) + days * MS_PER_DAY);
  const key = days === 1 ? `${date}+` : `${date}-`;
  let next = neighbours.get(key);
  if (next === undefined) {
    if (neighbours.size >= 50_000) neighbours.clear();
    next = formatLocalDate(parseLocalDate(date) + days * MS_PER_DAY);
    neighbours.set(key, next);
  }
  return next;
}

/** Day of the week of a local date, 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(parseLocalDate(date)).getUTCDay();
}
