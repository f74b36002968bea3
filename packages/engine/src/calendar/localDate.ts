/** Calendar arithmetic on local dates ("YYYY-MM-DD"), independent of any time zone. */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The UTC midnight (epoch ms) of a local date's numbers; throws an Error on a malformed or impossible date. */
export function parseLocalDate(text: string): number {
  const match = LOCAL_DATE.exec(text);
  const utc = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || formatLocalDate(utc) !== text) throw new Error(`invalid date "${text}": expected an existing date "YYYY-MM-DD"`);
  return utc;
}

/** The local date whose numbers are those of a UTC instant, "YYYY-MM-DD". */
export function formatLocalDate(utc: number): string {
  return Number.isNaN(utc) ? '' : new Date(utc).toISOString().slice(0, 10);
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
