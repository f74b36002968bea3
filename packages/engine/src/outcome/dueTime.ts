import { TZDate } from '@date-fns/tz';
import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import type { DeadlineUnit } from './OutcomeEvent.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The due time of a limit counted from `start`: working time on the calendar, or calendar time in its zone. */
export function dueTime(start: Date, unit: DeadlineUnit, amount: number, calendar: WorkingCalendar, at?: string): Date {
  const zone = calendar.timeZone;
  switch (unit) {
    case 'workingHours':
      return calendar.addWorkingHours(start, amount);
    case 'workingDays':
      return calendar.addWorkingDays(start, amount, at);
    case 'hours':
      return new Date(start.getTime() + amount * HOUR);
    case 'days':
      return at === undefined ? new Date(start.getTime() + amount * 24 * HOUR) : wallTimeOn(start, zone, 0, amount, at);
    case 'months':
      return addMonths(start, zone, amount);
    case 'endOfWorkingDay':
      return new Date(calendar.endOfWorkingDay(start).getTime() - amount * MINUTE);
    case 'dayOfNextMonth': {
      const local = new TZDate(start.getTime(), zone);
      const lastDay = daysInMonth(local.getFullYear(), local.getMonth() + 1);
      const [h, m] = (at ?? '23:59').split(':').map(Number);
      return new Date(new TZDate(local.getFullYear(), local.getMonth() + 1, Math.min(amount, lastDay), h ?? 0, m ?? 0, 0, zone).getTime());
    }
  }
}

function wallTimeOn(start: Date, zone: string, months: number, days: number, at: string): Date {
  const local = new TZDate(start.getTime(), zone);
  const [h, m] = at.split(':').map(Number);
  return new Date(new TZDate(local.getFullYear(), local.getMonth() + months, local.getDate() + days, h ?? 0, m ?? 0, 0, zone).getTime());
}

/** Same wall time `amount` months later (or earlier), clamped to the month's last day. */
function addMonths(start: Date, zone: string, amount: number): Date {
  const local = new TZDate(start.getTime(), zone);
  const target = local.getMonth() + amount;
  const day = Math.min(local.getDate(), daysInMonth(local.getFullYear(), target));
  return new Date(new TZDate(local.getFullYear(), target, day, local.getHours(), local.getMinutes(), local.getSeconds(), zone).getTime());
}

/** Days in a month given as a (possibly overflowing) zero-based month index. */
function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}
