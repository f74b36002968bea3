import type { CalendarFile, Weekday, WorkingInterval } from './CalendarFile.js';
import { MS_PER_DAY, weekdayOfDay } from './civilDay.js';
import { parseLocalDate, weekdayOf } from './localDate.js';
import { parseWallTime } from './parseWallTime.js';

/** A working span of one local day in minutes since local midnight, start < end. */
export type WallSpan = readonly [start: number, end: number];

/** The wall-clock working spans of a local date ("YYYY-MM-DD"), sorted and disjoint. */
export type Schedule = (date: string) => readonly WallSpan[];

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Reads the schedule of a calendar file: a holiday has no working time (even when also listed as a
 * make-up day), a make-up day works its `hours`, else `makeUpHours`, else the Monday schedule, and
 * any other day follows its weekday. Throws an Error naming the calendar on a malformed time or date.
 */
export function compileSchedule(file: CalendarFile): Schedule {
  try {
    const week = WEEKDAYS.map((day) => toWallSpans(file.week[day]));
    const makeUp = toWallSpans(file.makeUpHours ?? file.week.mon);
    const holidays = new Set(file.holidays?.map((day) => checkedDate(day.date)));
    const workdays = new Map(file.workdays?.map((day) => [checkedDate(day.date), day.hours ? toWallSpans(day.hours) : makeUp]));
    return (date) => (holidays.has(date) ? [] : (workdays.get(date) ?? week[weekdayOf(date)] ?? []));
  } catch (error) {
    throw new Error(`calendar "${file.id}": ${(error as Error).message}`, { cause: error });
  }
}

function checkedDate(date: string): string {
  parseLocalDate(date);
  return date;
}

/** Parses intervals into sorted spans, merging those that overlap or touch. */
function toWallSpans(intervals: readonly WorkingInterval[] = []): WallSpan[] {
  const spans = intervals.map(([start, end]): [number, number] => {
    const span: [number, number] = [parseWallTime(start), parseWallTime(end)];
    if (span[0] >= span[1]) throw new Error(`working interval ${start}-${end} does not end after it starts`);
    return span;
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/** A `Schedule` by day number (see `civilDay.ts`): the same answers without date strings. */
export type DaySchedule = (day: number) => readonly WallSpan[];

/** `compileSchedule` by day number. */
export function compileDaySchedule(file: CalendarFile): DaySchedule {
  try {
    const week = WEEKDAYS.map((day) => toWallSpans(file.week[day]));
    const makeUp = toWallSpans(file.makeUpHours ?? file.week.mon);
    const dayOf = (date: string) => parseLocalDate(date) / MS_PER_DAY;
    const holidays = new Set(file.holidays?.map((day) => dayOf(day.date)));
    const workdays = new Map(file.workdays?.map((day) => [dayOf(day.date), day.hours ? toWallSpans(day.hours) : makeUp]));
    return (day) => (holidays.has(day) ? [] : (workdays.get(day) ?? week[weekdayOfDay(day)] ?? []));
  } catch (error) {
    throw new Error(`calendar "${file.id}": ${(error as Error).message}`, { cause: error });
  }
}
