import { tzOffset } from '@date-fns/tz';
import type { CalendarFile } from './CalendarFile.js';
import { compileSchedule, type Schedule } from './compileSchedule.js';
import { addLocalDays } from './localDate.js';
import { parseWallTime } from './parseWallTime.js';
import { zonedInstant, zonedLocalDate } from './zonedTime.js';

/** A working interval as instants, start < end. */
export interface WorkingTimeInterval {
  start: Date;
  end: Date;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MS_PER_HOUR = 3_600_000;
/** The longest day-by-day walk of one call (about 10 years), so that a calendar without working time cannot hang a search. */
const MAX_WALK_DAYS = 3660;

interface Span {
  start: number;
  end: number;
}

/** One local day as instants (epoch ms): its working spans, sorted and disjoint, and their total. */
interface DayPlan {
  date: string;
  next: string;
  spans: readonly Span[];
  workingMs: number;
}

/**
 * Working-time arithmetic over a calendar file: instants are `Date`s, local dates are "YYYY-MM-DD"
 * in the calendar's time zone. Working time is the union of half-open intervals [start, end).
 * Every search walks at most 3,660 local days and throws a RangeError past that.
 */
export class WorkingCalendar {
  readonly id: string;
  readonly timeZone: string;
  private readonly schedule: Schedule;
  private readonly days = new Map<string, DayPlan>();

  private constructor(id: string, timeZone: string, schedule: Schedule) {
    this.id = id;
    this.timeZone = timeZone;
    this.schedule = schedule;
  }

  /** Builds a calendar; throws an Error on an unknown time zone or a malformed "HH:mm" or date. */
  static fromFile(file: CalendarFile): WorkingCalendar {
    const timeZone = file.timeZone ?? DEFAULT_TIME_ZONE;
    if (Number.isNaN(tzOffset(timeZone, new Date(0)))) throw new Error(`calendar "${file.id}": unknown time zone "${timeZone}"`);
    return new WorkingCalendar(file.id, timeZone, compileSchedule(file));
  }

  /** Whether a local date has working time (a holiday has none; a make-up day has some). */
  isWorkingDay(localDate: string): boolean {
    return this.day(localDate).spans.length > 0;
  }

  /** The working intervals of a local date, in order. */
  intervalsOn(localDate: string): WorkingTimeInterval[] {
    return this.day(localDate).spans.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
  }

  /** The local date ("YYYY-MM-DD") of an instant in the calendar's time zone. */
  localDateOf(instant: Date): string {
    return zonedLocalDate(this.timeZone, msOf(instant));
  }

  /** `at` itself when inside working time, else the start of the next working interval. */
  nextWorkingInstant(at: Date): Date {
    const from = msOf(at);
    return new Date(
      this.walk(this.dayBefore(from), (day) => {
        const span = day.spans.find((s) => s.end > from);
        return span && Math.max(span.start, from);
      }),
    );
  }

  /**
   * The instant after consuming `hours` (fractional allowed, counted to the ms) of working time from
   * `start`, which is moved to the next interval start when outside working time. A result exactly at
   * an interval end stays there; so `hours` = 0 returns `start` when inside working time or at an
   * interval end. Throws a RangeError on negative or non-finite `hours`.
   */
  addWorkingHours(start: Date, hours: number): Date {
    if (!(hours >= 0 && hours < Infinity)) throw new RangeError(`working hours must be a finite number >= 0, got ${hours}`);
    const from = msOf(start);
    let left = Math.round(hours * MS_PER_HOUR);
    return new Date(
      this.walk(this.dayBefore(from), (day) => {
        // A whole day after `from` too short for the rest is skipped at once.
        if (left > day.workingMs && (day.spans[0]?.start ?? Infinity) >= from) {
          left -= day.workingMs;
          return undefined;
        }
        for (const span of day.spans) {
          const begin = Math.max(span.start, from);
          if (span.end < begin) continue;
          if (left <= span.end - begin) return begin + left;
          left -= span.end - begin;
        }
        return undefined;
      }),
    );
  }

  /**
   * The due time of "within `days` working days": the end of the last working interval of the
   * `days`-th working day after the local date of `start` (that day itself not counted), or the wall
   * time `at` ("HH:mm") on that day. `days` = 0 means the day of `start` when it is a working day,
   * else the next working day. Throws a RangeError unless `days` is an integer >= 0.
   */
  addWorkingDays(start: Date, days: number, at?: string): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be an integer >= 0, got ${days}`);
    const atMinutes = at === undefined ? undefined : parseWallTime(at);
    const startDate = this.localDateOf(start);
    let left = Math.max(days, 1);
    const target = this.walk(days === 0 ? startDate : addLocalDays(startDate, 1), (day) => {
      const last = day.spans.at(-1);
      return last && --left === 0 ? { date: day.date, end: last.end } : undefined;
    });
    return new Date(atMinutes === undefined ? target.end : zonedInstant(this.timeZone, target.date, atMinutes));
  }

  /** The end of the last working interval of `at`'s local day when a working day, else of the next working day. */
  endOfWorkingDay(at: Date): Date {
    return this.addWorkingDays(at, 0);
  }

  /** Working time overlapping [a, b] in ms; negative when b is before a. */
  workingMsBetween(a: Date, b: Date): number {
    const from = msOf(a);
    const to = msOf(b);
    if (to < from) return 0 - this.workingMsBetween(b, a); // 0 - x, not -x: never -0
    const lastDate = this.localDateOf(b);
    let total = 0;
    return this.walk(this.dayBefore(from), (day) => {
      for (const span of day.spans) total += Math.max(0, Math.min(span.end, to) - Math.max(span.start, from));
      return day.date === lastDate ? total : undefined;
    });
  }

  /** Working time overlapping [a, b] in hours; negative when b is before a. */
  workingHoursBetween(a: Date, b: Date): number {
    return this.workingMsBetween(a, b) / MS_PER_HOUR;
  }

  /** Working days after a's local date up to and including b's (0 on the same day); negative when b's date is before a's. */
  workingDaysBetween(a: Date, b: Date): number {
    const from = this.localDateOf(a);
    const to = this.localDateOf(b);
    if (to < from) return 0 - this.workingDaysBetween(b, a);
    let count = 0;
    return this.walk(from, (day) => {
      if (day.date !== from && day.spans.length > 0) count++;
      return day.date === to ? count : undefined;
    });
  }

  /** The local date before an instant's: a search starts there so that an interval ending at midnight is seen. */
  private dayBefore(instant: number): string {
    return addLocalDays(zonedLocalDate(this.timeZone, instant), -1);
  }

  /** Visits local days from `date` on until `visit` returns a value, and returns it; throws a RangeError past 3,660 days. */
  private walk<T>(date: string, visit: (day: DayPlan) => T | undefined): T {
    let sawWork = false;
    for (let walked = 0; walked < MAX_WALK_DAYS; walked++) {
      const day = this.day(date);
      const result = visit(day);
      if (result !== undefined) return result;
      sawWork ||= day.spans.length > 0;
      date = day.next;
    }
    throw new RangeError(
      sawWork
        ? `calendar "${this.id}": the search spans more than 10 years (${MAX_WALK_DAYS} days)`
        : `calendar "${this.id}" has no working time within 10 years`,
    );
  }

  /** The day plan of a local date, computed once per calendar. */
  private day(date: string): DayPlan {
    const cached = this.days.get(date);
    if (cached) return cached;
    const spans: Span[] = [];
    for (const [startMinute, endMinute] of this.schedule(date)) {
      // Around a DST change a later wall time can map to an earlier instant: clip so spans stay disjoint.
      const start = Math.max(zonedInstant(this.timeZone, date, startMinute), spans.at(-1)?.end ?? -Infinity);
      const end = zonedInstant(this.timeZone, date, endMinute);
      if (end > start) spans.push({ start, end });
    }
    const plan = { date, next: addLocalDays(date, 1), spans, workingMs: spans.reduce((sum, s) => sum + s.end - s.start, 0) };
    this.days.set(date, plan);
    return plan;
  }
}

function msOf(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}
