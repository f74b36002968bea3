import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarFile } from './CalendarFile.js';
import { addLocalDays } from './localDate.js';
import { WorkingCalendar } from './WorkingCalendar.js';

/** Property tests over every instant of the years 0001-9999; fast-check prints its seed and path on a failure. */
const readCalendar = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../../../rules/calendars/${id}.calendar.json`, import.meta.url), 'utf8')) as CalendarFile;
const name = { 'zh-CN': '测试', en: 'Test' };
const office: [string, string][] = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];
const newYork: CalendarFile = {
  id: 'new-york',
  title: name,
  timeZone: 'America/New_York',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
};
const urumqi: CalendarFile = { ...newYork, id: 'urumqi', timeZone: 'Asia/Urumqi', week: { mon: office, sat: [['10:00', '14:00']] } };
const calendars = [readCalendar('default-store'), readCalendar('round-the-clock'), newYork, urumqi].map((file) =>
  WorkingCalendar.fromFile(file),
);

const FIRST = Date.parse('0001-01-01T00:00:00Z');
const LAST = Date.parse('9999-12-31T23:59:59Z');
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const runs = { numRuns: 150, seed };
console.log(`WorkingCalendar.range.property: fast-check seed ${seed} (FC_SEED=${seed} repeats it)`);

/** Any instant of the years 0001-9999, with extra weight on the first and last days and on 2025-2026's holidays. */
const instant = fc
  .oneof(
    fc.integer({ min: FIRST, max: LAST }),
    fc.integer({ min: FIRST, max: FIRST + 20 * 86_400_000 }),
    fc.integer({ min: LAST - 20 * 86_400_000, max: LAST }),
    fc.integer({ min: Date.parse('2025-01-01T00:00Z'), max: Date.parse('2027-01-01T00:00Z') }),
  )
  .map((ms) => new Date(ms));
/** Calendars by index, so that a counterexample reads as a number, not the calendar's cache. */
const anyCalendar = fc.integer({ min: 0, max: calendars.length - 1 }).map(
  (i) => calendars[i]!,
  (c) => calendars.indexOf(c as WorkingCalendar),
);
const hours = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 200, noNaN: true }));
const days = fc.integer({ min: 0, max: 60 });

/** The answer, or undefined when the calendar cannot count it (a RangeError: "unknown"); any other error fails. */
function attempt<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    return undefined;
  }
}

/** Whether an instant lies in a working interval or exactly at its end. */
function onWorkingTime(calendar: WorkingCalendar, at: Date): boolean {
  const date = calendar.localDateOf(at);
  return [addLocalDays(date, -1), date].some((day) => calendar.intervalsOn(day).some((i) => i.start <= at && at <= i.end));
}

/** Whether an instant is the close (last interval end) of a working day. */
function isClose(calendar: WorkingCalendar, at: Date): boolean {
  const date = calendar.localDateOf(new Date(at.getTime() - 1));
  return calendar.intervalsOn(date).at(-1)?.end.getTime() === at.getTime();
}

// Generous time limits: a search may walk ten years of days, and the machine running the suite may be busy.
describe('WorkingCalendar over the years 0001-9999', { timeout: 120_000 }, () => {
  it('when any arithmetic runs on any instant, then it answers or says "unknown" (RangeError), never another error', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, hours, days, (calendar, a, b, h, n) => {
        attempt(() => calendar.endOfWorkingDay(a));
        attempt(() => calendar.addWorkingHours(a, h));
        attempt(() => calendar.addWorkingDays(a, n));
        attempt(() => calendar.addWorkingDays(a, n, '17:30'));
        attempt(() => calendar.nextWorkingInstant(a));
        attempt(() => calendar.workingHoursBetween(a, b));
        attempt(() => calendar.workingDaysBetween(a, b));
      }),
      runs,
    );
  });

  it('when the end of the working day is asked, then it is a close, after the instant, and no close lies between', () => {
    fc.assert(
      fc.property(anyCalendar, instant, (calendar, a) => {
        const due = attempt(() => calendar.endOfWorkingDay(a));
        if (!due) return;
        expect(due.getTime()).toBeGreaterThan(a.getTime());
        expect(isClose(calendar, due)).toBe(true);
        // No working time is lost: the day closing at `due` is the one still open at `a`.
        expect(calendar.endOfWorkingDay(calendar.nextWorkingInstant(a))).toEqual(due);
      }),
      runs,
    );
  });

  it('when working hours are added, then the due time is not before the start, is on working time and grows with the hours', () => {
    fc.assert(
      fc.property(anyCalendar, instant, hours, (calendar, a, h) => {
        const due = attempt(() => calendar.addWorkingHours(a, h));
        const later = attempt(() => calendar.addWorkingHours(a, h + 1));
        if (!due) return;
        expect(due.getTime()).toBeGreaterThanOrEqual(a.getTime());
        expect(onWorkingTime(calendar, due)).toBe(true);
        if (later) expect(later.getTime()).toBeGreaterThan(due.getTime());
      }),
      runs,
    );
  });

  it('when working days are added, then N+1 days end later than N, at a close after the start', () => {
    fc.assert(
      fc.property(anyCalendar, instant, days, (calendar, a, n) => {
        const due = attempt(() => calendar.addWorkingDays(a, n));
        const later = attempt(() => calendar.addWorkingDays(a, n + 1));
        if (!due) return;
        expect(due.getTime()).toBeGreaterThan(a.getTime());
        expect(isClose(calendar, due)).toBe(true);
        if (later) expect(later.getTime()).toBeGreaterThan(due.getTime());
      }),
      runs,
    );
  });

  it('when the start moves later, then no due time moves earlier (monotone)', () => {
    fc.assert(
      fc.property(anyCalendar, instant, fc.integer({ min: 0, max: 3 * 86_400_000 }), hours, days, (calendar, a, step, h, n) => {
        const b = new Date(a.getTime() + step);
        const pairs: [Date | undefined, Date | undefined][] = [
          [attempt(() => calendar.endOfWorkingDay(a)), attempt(() => calendar.endOfWorkingDay(b))],
          [attempt(() => calendar.addWorkingHours(a, h)), attempt(() => calendar.addWorkingHours(b, h))],
          [attempt(() => calendar.addWorkingDays(a, n)), attempt(() => calendar.addWorkingDays(b, n))],
        ];
        for (const [early, late] of pairs) if (early && late) expect(late.getTime()).toBeGreaterThanOrEqual(early.getTime());
      }),
      runs,
    );
  });
});
