import { tzOffset } from '@date-fns/tz';
import type { CalendarFile } from './CalendarFile.js';
import { FIRST_DAY, formatDay, LAST_DAY, MS_PER_DAY } from './civilDay.js';
import { compileDaySchedule, type DaySchedule } from './compileSchedule.js';
import { parseLocalDate } from './localDate.js';
import { parseWallTime } from './parseWallTime.js';
import { zonedDayOf, zonedInstantOfDay, zonedLocalDate } from './zonedTime.js';
import { zoneOffsets, type ZoneOffsets } from './zoneOffsets.js';

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

/** One local day (a day number, see `civilDay.ts`) as instants (epoch ms): its working spans, sorted and disjoint, and their total. */
interface DayPlan {
  day: number;
  spans: readonly Span[];
  workingMs: number;
  /** The end of its last span (the close); NaN on a day off. */
  close: number;
}

/**
 * Working-time arithmetic over a calendar file: instants are `Date`s (or epoch ms, the `...Ms`
 * methods), local dates are "YYYY-MM-DD" in the calendar's time zone. Working time is the union of
 * half-open intervals [start, end). Every search walks at most 3,660 local days, and only through
 * the years 0000-9999, and throws a RangeError past that: callers read it as "unknown" (a
 * working-time fact, a due time).
 *
 * Days are counted as day numbers and each day's working spans computed once, in epoch ms; the
 * former string-date implementation is the oracle of its differential test
 * (`reference/ReferenceWorkingCalendar.ts`).
 */
export class WorkingCalendar {
  readonly id: string;
  readonly timeZone: string;
  private readonly schedule: DaySchedule;
  private readonly zone: ZoneOffsets;
  private readonly days = new Map<number, DayPlan>();

  private constructor(id: string, timeZone: string, schedule: DaySchedule) {
    this.id = id;
    this.timeZone = timeZone;
    this.schedule = schedule;
    this.zone = zoneOffsets(timeZone);
  }

  /** Builds a calendar; throws an Error on an unknown time zone or a malformed "HH:mm" or date. */
  static fromFile(file: CalendarFile): WorkingCalendar {
    const timeZone = file.timeZone ?? DEFAULT_TIME_ZONE;
    if (Number.isNaN(tzOffset(timeZone, new Date(0)))) throw new Error(`calendar "${file.id}": unknown time zone "${timeZone}"`);
    return new WorkingCalendar(file.id, timeZone, compileDaySchedule(file));
  }

  /** The time zone's offsets (shared by everything that reads dates in it). */
  get offsets(): ZoneOffsets {
    return this.zone;
  }

  /** Whether a local date has working time (a holiday has none; a make-up day has some). */
  isWorkingDay(localDate: string): boolean {
    return this.day(parseLocalDate(localDate) / MS_PER_DAY).spans.length > 0;
  }

  /** The working intervals of a local date, in order. */
  intervalsOn(localDate: string): WorkingTimeInterval[] {
    return this.day(parseLocalDate(localDate) / MS_PER_DAY).spans.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
  }

  /** The local date ("YYYY-MM-DD") of an instant in the calendar's time zone. */
  localDateOf(instant: Date): string {
    return zonedLocalDate(this.timeZone, msOf(instant));
  }

  /** `at` itself when inside working time, else the start of the next working interval. */
  nextWorkingInstant(at: Date): Date {
    const from = msOf(at);
    const first = this.dayBefore(from);
    let sawWork = false;
    for (let walked = 0; ; walked++) {
      const plan = this.visit(first + walked, walked, sawWork);
      for (const span of plan.spans) if (span.end > from) return new Date(Math.max(span.start, from));
      sawWork ||= plan.spans.length > 0;
    }
  }

  /**
   * The instant after consuming `hours` (fractional allowed, counted to the ms) of working time from
   * `start`, which is moved to the next interval start when outside working time. A result exactly at
   * an interval end stays there; so `hours` = 0 returns `start` when inside working time or at an
   * interval end. Throws a RangeError on negative or non-finite `hours`.
   */
  addWorkingHours(start: Date, hours: number): Date {
    return new Date(this.addWorkingHoursMs(start.getTime(), hours));
  }

  /** `addWorkingHours` in epoch ms. */
  addWorkingHoursMs(from: number, hours: number): number {
    if (!(hours >= 0 && hours < Infinity)) throw new RangeError(`working hours must be a finite number >= 0, got ${hours}`);
    checkMs(from);
    let left = Math.round(hours * MS_PER_HOUR);
    const first = this.dayBefore(from);
    let sawWork = false;
    for (let walked = 0; ; walked++) {
      const plan = this.visit(first + walked, walked, sawWork);
      const spans = plan.spans;
      sawWork ||= spans.length > 0;
      // A whole day after `from` too short for the rest is skipped at once.
      if (left > plan.workingMs && (spans.length > 0 ? spans[0]!.start : Infinity) >= from) {
        left -= plan.workingMs;
        continue;
      }
      for (const span of spans) {
        const begin = Math.max(span.start, from);
        if (span.end < begin) continue;
        if (left <= span.end - begin) return begin + left;
        left -= span.end - begin;
      }
    }
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
    return new Date(this.addWorkingDaysMs(start.getTime(), days, at));
  }

  /** `addWorkingDays` in epoch ms. */
  addWorkingDaysMs(from: number, days: number, at?: string): number {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be an integer >= 0, got ${days}`);
    const atMinutes = at === undefined ? undefined : parseWallTime(at);
    checkMs(from);
    let target = this.openDayAt(from);
    let left = days;
    let sawWork = false;
    for (let walked = 0; left > 0; walked++) {
      target = this.visit(target.day + 1, walked, sawWork);
      if (target.spans.length > 0) {
        sawWork = true;
        left--;
      }
    }
    return atMinutes === undefined ? target.close : zonedInstantOfDay(this.zone, target.day, atMinutes);
  }

  /**
   * The close of the working day still open at `at`: that day's close when `at` is before its
   * opening, in working time or in a break; the next working day's close when `at` is at or after
   * the close, or on a day off.
   */
  endOfWorkingDay(at: Date): Date {
    return new Date(this.endOfWorkingDayMs(msOf(at)));
  }

  /** `endOfWorkingDay` in epoch ms; a RangeError on an invalid time. */
  endOfWorkingDayMs(at: number): number {
    return this.openDayAt(checkMs(at)).close;
  }

  /** Working time overlapping [a, b] in ms; negative when b is before a. */
  workingMsBetween(a: Date, b: Date): number {
    return this.workingMsBetweenMs(msOf(a), msOf(b));
  }

  /** `workingMsBetween` in epoch ms. */
  workingMsBetweenMs(from: number, to: number): number {
    checkMs(from);
    checkMs(to);
    if (to < from) return 0 - this.workingMsBetweenMs(to, from); // 0 - x, not -x: never -0
    const lastDay = zonedDayOf(this.zone, to);
    if (!(lastDay >= FIRST_DAY && lastDay <= LAST_DAY)) zonedLocalDate(this.timeZone, to); // throws as the string form did past `Date`'s range
    const first = this.dayBefore(from);
    let total = 0;
    let sawWork = false;
    for (let walked = 0; ; walked++) {
      const plan = this.visit(first + walked, walked, sawWork);
      for (const span of plan.spans) total += Math.max(0, Math.min(span.end, to) - Math.max(span.start, from));
      if (plan.day === lastDay) return total;
      sawWork ||= plan.spans.length > 0;
    }
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
    return this.workingDaysBetweenMs(a.getTime(), b.getTime());
  }

  /** `workingDaysBetween` in epoch ms. */
  workingDaysBetweenMs(a: number, b: number): number {
    // Checked and read in the former order, so that an error is the same one.
    const from = zonedDayOf(this.zone, checkMs(a));
    const fromText = inRange(from) ? undefined : zonedLocalDate(this.timeZone, a);
    const to = zonedDayOf(this.zone, checkMs(b));
    const toText = inRange(to) ? undefined : zonedLocalDate(this.timeZone, b);
    // The former implementation compared the "YYYY-MM-DD" texts: the same as the numbers within 0000-9999.
    const before = fromText === undefined && toText === undefined ? to < from : (toText ?? formatDay(to)) < (fromText ?? formatDay(from));
    if (before) return 0 - this.workingDaysBetweenMs(b, a);
    const close = this.day(this.countedDayOf(a)).close;
    const closed = Number.isNaN(close) || close <= a;
    let count = 0;
    let sawWork = false;
    for (let walked = 0; ; walked++) {
      const plan = this.visit(from + walked, walked, sawWork);
      if (plan.day !== from && plan.spans.length > 0) count++;
      if (plan.day === to) return closed ? Math.max(count - 1, 0) : count;
      sawWork ||= plan.spans.length > 0;
    }
  }

  /** The first local day whose last working interval ends after `instant`. */
  private openDayAt(instant: number): DayPlan {
    const first = this.dayBefore(instant);
    let sawWork = false;
    for (let walked = 0; ; walked++) {
      const plan = this.visit(first + walked, walked, sawWork);
      if (plan.close > instant) return plan;
      sawWork ||= plan.spans.length > 0;
    }
  }

  /** The local day before an instant's: a search starts there so that an interval ending at midnight is seen. */
  private dayBefore(instant: number): number {
    return this.countedDayOf(instant) - 1;
  }

  /** The local day of an instant; a RangeError when its year is beyond 0000-9999. */
  private countedDayOf(instant: number): number {
    const day = zonedDayOf(this.zone, instant);
    // The error names the date as the string form does (which itself throws past `Date`'s range).
    if (!(day >= FIRST_DAY && day <= LAST_DAY)) throw this.beyondRange(zonedLocalDate(this.timeZone, instant));
    return day;
  }

  private beyondRange(date: string): RangeError {
    return new RangeError(`calendar "${this.id}": ${date} is beyond the years 0000-9999 the calendar counts`);
  }

  /**
   * The plan of the `walked`-th day of a walk (a loop over local days, written out in each method so
   * that a call creates no function): a RangeError past 3,660 days (`sawWork`: whether an earlier
   * day had working time) or beyond the years 0000-9999.
   */
  private visit(day: number, walked: number, sawWork: boolean): DayPlan {
    if (walked >= MAX_WALK_DAYS) {
      throw new RangeError(
        sawWork
          ? `calendar "${this.id}": the search spans more than 10 years (${MAX_WALK_DAYS} days)`
          : `calendar "${this.id}" has no working time within 10 years`,
      );
    }
    if (!(day >= FIRST_DAY && day <= LAST_DAY)) throw this.beyondRange(formatDay(day));
    return this.day(day);
  }

  /** The day plan of a day number, computed once per calendar (up to 20,000 cached). */
  private day(day: number): DayPlan {
    const cached = this.days.get(day);
    if (cached) return cached;
    const spans: Span[] = [];
    for (const [startMinute, endMinute] of this.schedule(day)) {
      // Around a DST change a later wall time can map to an earlier instant: clip so spans stay disjoint.
      const start = Math.max(zonedInstantOfDay(this.zone, day, startMinute), spans.at(-1)?.end ?? -Infinity);
      const end = zonedInstantOfDay(this.zone, day, endMinute);
      if (end > start) spans.push({ start, end });
    }
    const workingMs = spans.reduce((sum, s) => sum + s.end - s.start, 0);
    const plan: DayPlan = { day, spans, workingMs, close: spans.length > 0 ? spans[spans.length - 1]!.end : Number.NaN };
    // Bounded: records with dates all over 0001-9999 must not grow a long-lived calendar without end.
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(day, plan);
    return plan;
  }
}

/** Whether a day number is in the years 0000-9999. */
function inRange(day: number): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

function msOf(instant: Date): number {
  return checkMs(instant.getTime());
}

/** An instant's epoch ms; a RangeError when it is no valid time (an invalid `Date`'s NaN). */
function checkMs(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}
