import { formatLocalDate, isFourDigitYear, parseLocalDate, utcMidnight } from './localDate.js';
import { zoneOffsets, type ZoneOffsets } from './zoneOffsets.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The zone's UTC offset in minutes at an instant, memoized per quarter hour (Intl is slow). */
function offsetAt(timeZone: string, instant: number): number {
  return zoneOffsets(timeZone).at(instant);
}

/**
 * The instant (epoch ms) of a wall-clock time in a time zone: `minutes` after the local midnight
 * of `date` (1440 = the next midnight). A wall time skipped by a DST change maps to the instant
 * the clock shows it shifted by the change (02:30 in a 02:00-03:00 gap is 03:30); a repeated one
 * maps to its later occurrence.
 */
export function zonedInstant(timeZone: string, date: string, minutes: number): number {
  const wall = parseLocalDate(date) + minutes * MS_PER_MINUTE;
  const guess = wall - offsetAt(timeZone, wall) * MS_PER_MINUTE;
  return wall - offsetAt(timeZone, guess) * MS_PER_MINUTE;
}

/** The local date ("YYYY-MM-DD") of an instant in a time zone. */
export function zonedLocalDate(timeZone: string, instant: number): string {
  return formatLocalDate(instant + offsetAt(timeZone, instant) * MS_PER_MINUTE);
}

/** The wall clock of an instant in a time zone, as a `Date` whose UTC fields (year, month, ..., ms) are the local ones. */
export function zonedWallClock(timeZone: string, instant: number): Date {
  return new Date(instant + offsetAt(timeZone, instant) * MS_PER_MINUTE);
}

/**
 * The instant (epoch ms) of a local year, zero-based month and day (which may overflow into the next
 * month or year, as `Date.UTC`'s do, but years 0-99 stay those years) at `minutes` after local
 * midnight, as `zonedInstant`. Throws a RangeError when the date is beyond the years 0000-9999.
 */
export function zonedInstantOf(timeZone: string, year: number, monthIndex: number, day: number, minutes: number): number {
  const date = formatLocalDate(utcMidnight(year, monthIndex, day));
  if (!isFourDigitYear(date)) throw new RangeError(`${date} is beyond the years 0000-9999`);
  return zonedInstant(timeZone, date, minutes);
}

/** `zonedInstant` of a day number (see `civilDay.ts`) in a zone's offsets. */
export function zonedInstantOfDay(zone: ZoneOffsets, day: number, minutes: number): number {
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  const guess = wall - zone.at(wall) * MS_PER_MINUTE;
  return wall - zone.at(guess) * MS_PER_MINUTE;
}

/** The day number of an instant's local date in a zone (`zonedLocalDate` as a number; NaN for NaN). */
export function zonedDayOf(zone: ZoneOffsets, instant: number): number {
  return Math.floor((instant + zone.at(instant) * MS_PER_MINUTE) / MS_PER_DAY);
}
