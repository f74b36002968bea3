import { tzOffset } from '@date-fns/tz';
import { formatLocalDate, parseLocalDate } from './localDate.js';

const MS_PER_MINUTE = 60_000;

/**
 * The instant (epoch ms) of a wall-clock time in a time zone: `minutes` after the local midnight
 * of `date` (1440 = the next midnight). A wall time skipped by a DST change maps to the instant
 * the clock shows it shifted by the change (02:30 in a 02:00-03:00 gap is 03:30); a repeated one
 * maps to its later occurrence.
 */
export function zonedInstant(timeZone: string, date: string, minutes: number): number {
  const wall = parseLocalDate(date) + minutes * MS_PER_MINUTE;
  const guess = wall - tzOffset(timeZone, new Date(wall)) * MS_PER_MINUTE;
  return wall - tzOffset(timeZone, new Date(guess)) * MS_PER_MINUTE;
}

/** The local date ("YYYY-MM-DD") of an instant in a time zone. */
export function zonedLocalDate(timeZone: string, instant: number): string {
  return formatLocalDate(instant + tzOffset(timeZone, new Date(instant)) * MS_PER_MINUTE);
}
