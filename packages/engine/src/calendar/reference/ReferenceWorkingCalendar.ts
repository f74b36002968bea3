// The former implementation, kept unchanged as the oracle of the differential tests of the fast one
// (`fastDates.differential.test.ts`); nothing in the engine runs it.
import { tzOffset } from '@date-fns/tz';
import type { CalendarFile } from '../CalendarFile.js';
import { compileSchedule, type Schedule } from '../compileSchedule.js';
import { addLocalDays, isFourDigitYear } from '../localDate.js';
import { parseWallTime } from '../parseWallTime.js';
import { zonedInstant, zonedLocalDate } from '../zonedTime.js';

/** A working interval as instants, start < end. */
export interface WorkingTimeInterval {
  start: Date;
  end: Date;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const MS_PER_HOUR = 3_600_000;
/** The longest day-by-day walk of one call (about 10 years), so that a calendar without working time cannot hang a search. */
const MAX_WALK_DAYS = 3660;
/** Day plans kept per calendar (about 55 years of days); the cache starts over past that. */
const MAX_CACHED_DAYS = 20_000;

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
 * Every search walks at most 3,660 local days, and only through the years 0000-9999, and throws a
 * RangeError past that: callers read it as "unknown" (a working-time fact, a due time).
 */
export class ReferenceWorkingCalendar {
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
  static fromFile(file: CalendarFile): ReferenceWorkingCalendar {
    const timeZone = file.timeZone ?? DEFAULT_TIME_ZONE;
    if (Number.isNaN(tzOffset(timeZone, new Date(0)))) throw new Error(`calendar "${file.id}": unknown time zone "${timeZone}"`);
    return new ReferenceWorkingCalendar(file.id, timeZone, compileSchedule(file));
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
   * The due time of "within `days` working days": the close (end of the last working interval) of
   * the `days`-th working day after the working day open at `start` (see `endOfWorkingDay`), or the
   * wall time `at` ("HH:mm") on that day. So the day of a call in working hours (or before the
   * opening) is not counted, and a call after the close or on a day off counts as one made at the
   * next opening. `days` = 0 is `endOfWorkingDay(start)`. Throws a RangeError unless `days` is an
   * integer >= 0.
   */
  addWorkingDays(start: Date, days: number, at?: string): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be an integer >= 0, got ${days}`);
    const atMinutes = at === undefined ? undefined : parseWallTime(at);
    const open = this.openDayAt(msOf(start));
    let left = days;
    const target =
      days === 0
        ? open
        : this.walk(addLocalDays(open.date, 1), (day) => {
            const last = day.spans.at(-1);
            return last && --left === 0 ? { date: day.date, end: last.end } : undefined;
          });
    return new Date(atMinutes === undefined ? target.end : zonedInstant(this.timeZone, target.date, atMinutes));
  }

  /**
   * The close of the working day still open at `at`: that day's close when `at` is before its
   * opening, in working time or in a break; the next working day's close when `at` is at or after
   * the close, or on a day off.
   */
  endOfWorkingDay(at: Date): Date {
    return new Date(this.openDayAt(msOf(at)).end);
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

  /**
   * Working days after the working day open at `a` (see `endOfWorkingDay`) up to and including b's
   * local date: 0 on the same day, and 0 too from a call after the close to the next working day;
   * negative when b's date is before a's. So `addWorkingDays(a, n)` is on the n-th.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const from = this.localDateOf(a);
    const to = this.localDateOf(b);
    if (to < from) return 0 - this.workingDaysBetween(b, a);
    const close = this.day(this.countedDateOf(msOf(a))).spans.at(-1)?.end;
    const closed = close === undefined || close <= msOf(a);
    let count = 0;
    return this.walk(from, (day) => {
      if (day.date !== from && day.spans.length > 0) count++;
      return day.date === to ? (closed ? Math.max(count - 1, 0) : count) : undefined;
    });
  }

  /** The first local day whose last working interval ends after `instant`, and that end. */
  private openDayAt(instant: number): { date: string; end: number } {
    return this.walk(this.dayBefore(instant), (day) => {
      const last = day.spans.at(-1);
      return last && last.end > instant ? { date: day.date, end: last.end } : undefined;
    });
  }

  /** The local date before an instant's: a search starts there so that an interval ending at midnight is seen. */
  private dayBefore(instant: number): string {
    return addLocalDays(this.countedDateOf(instant), -1);
  }

  /** The local date of an instant; a RangeError when its year is beyond 0000-9999. */
  private countedDateOf(instant: number): string {
    const date = zonedLocalDate(this.timeZone, instant);
    if (!isFourDigitYear(date)) throw this.beyondRange(date);
    return date;
  }

  private beyondRange(date: string): RangeError {
    return new RangeError(`calendar "${this.id}": ${date} is beyond the years 0000-9999 the calendar counts`);
  }

  /** Visits local days from `date` on until `visit` returns a value, and returns it; throws a RangeError past 3,660 days. */
  private walk<T>(date: string, visit: (day: DayPlan) => T | undefined): T {
    let sawWork = false;
    for (let walked = 0; walked < MAX_WALK_DAYS; walked++) {
      if (!isFourDigitYear(date)) throw this.beyondRange(date);
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

  /** The day plan of a local date, computed once per calendar (up to 20,000 cached). */
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
    // Bounded: records with dates all over 0001-9999 must not grow a long-lived calendar without end.
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(date, plan);
    return plan;
  }
}

function msOf(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}
