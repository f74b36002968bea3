import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { utcMidnight } from '../calendar/localDate.js';
import { zonedInstantOf, zonedWallClock } from '../calendar/zonedTime.js';
import type { DeadlineUnit } from './OutcomeEvent.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The due time of a limit counted from `start`: working time on the calendar, or calendar time in its zone. */
export function dueTime(start: Date, unit: DeadlineUnit, amount: number, calendar: WorkingCalendar, at?: string): Date {
  return new Date(dueTimeMs(start.getTime(), unit, amount, calendar, at));
}

/**
 * `dueTime` in epoch ms, NaN where `dueTime` gives an invalid `Date` (the working-time units, the
 * most used, without any `Date`).
 */
export function dueTimeMs(start: number, unit: DeadlineUnit, amount: number, calendar: WorkingCalendar, at?: string): number {
  const zone = calendar.timeZone;
  switch (unit) {
    case 'workingHours':
      return calendar.addWorkingHoursMs(start, amount);
    case 'workingDays':
      return calendar.addWorkingDaysMs(start, amount, at);
    case 'hours':
      return timeClip(start + amount * HOUR);
    case 'days':
      return at === undefined ? timeClip(start + amount * 24 * HOUR) : wallTimeOn(new Date(start), zone, 0, amount, at).getTime();
    case 'months':
      return addMonths(new Date(start), zone, amount).getTime();
    case 'endOfWorkingDay': {
      // `amount` minutes before the close of the working day still open `amount` minutes after the
      // start: a call after that point (after hours, on a day off) is due on the next working day.
      const before = amount * MINUTE;
      return timeClip(calendar.endOfWorkingDayMs(timeClip(start + Math.max(before, 0))) - before);
    }
    case 'dayOfNextMonth': {
      const local = zonedWallClock(zone, start);
      const lastDay = daysInMonth(local.getUTCFullYear(), local.getUTCMonth() + 1);
      return timeClip(
        zonedInstantOf(zone, local.getUTCFullYear(), local.getUTCMonth() + 1, Math.min(amount, lastDay), wallMinutes(at ?? '23:59')),
      );
    }
  }
}

/** The time value `new Date(ms)` keeps: whole ms, NaN beyond ±8.64e15 ms (ECMAScript's TimeClip). */
export function timeClip(ms: number): number {
  return Math.abs(ms) <= 8.64e15 ? Math.trunc(ms) + 0 : Number.NaN;
}

/** Minutes after midnight of "HH:mm". */
function wallMinutes(at: string): number {
  const [h, m] = at.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function wallTimeOn(start: Date, zone: string, months: number, days: number, at: string): Date {
  const local = zonedWallClock(zone, start.getTime());
  return new Date(zonedInstantOf(zone, local.getUTCFullYear(), local.getUTCMonth() + months, local.getUTCDate() + days, wallMinutes(at)));
}

/** Same wall time `amount` months later (or earlier), clamped to the month's last day. */
function addMonths(start: Date, zone: string, amount: number): Date {
  const local = zonedWallClock(zone, start.getTime());
  const target = local.getUTCMonth() + amount;
  const day = Math.min(local.getUTCDate(), daysInMonth(local.getUTCFullYear(), target));
  const msOfDay = local.getTime() - utcMidnight(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const minutes = Math.floor(msOfDay / MINUTE);
  return new Date(zonedInstantOf(zone, local.getUTCFullYear(), target, day, minutes) + (msOfDay - minutes * MINUTE));
}

/** Days in a month given as a (possibly overflowing) zero-based month index. */
function daysInMonth(year: number, monthIndex: number): number {
  return new Date(utcMidnight(year, monthIndex + 1, 0)).getUTCDate();
}
