import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarFile } from './CalendarFile.js';
import { addLocalDays } from './localDate.js';
import { WorkingCalendar } from './WorkingCalendar.js';

const name = { 'zh-CN': '测试', en: 'Test' };
const weekday: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
/** Berlin has DST; its Sundays work across the 02:00-03:00 change, where wall times are skipped or repeated. */
const berlinFile: CalendarFile = {
  id: 'berlin-dst',
  title: name,
  timeZone: 'Europe/Berlin',
  week: {
    ...{ mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
    sun: [
      ['01:30', '02:30'],
      ['02:45', '03:10'],
      ['03:20', '05:00'],
      ['08:00', '24:00'],
    ],
  },
  holidays: [
    { date: '2025-04-18', name },
    { date: '2025-12-25', name },
    { date: '2026-10-25', name },
  ],
  workdays: [{ date: '2025-10-25', name, hours: [['22:00', '24:00']] }],
};
const readCalendar = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../../../rules/calendars/${id}.calendar.json`, import.meta.url), 'utf8')) as CalendarFile;
const files = [readCalendar('default-store'), readCalendar('round-the-clock'), berlinFile];

const MS_PER_HOUR = 3_600_000;
const runs = { numRuns: 200 };
/** Days around a holiday break or a DST change, where mistakes would show. */
const hotDays = ['2025-01-27', '2025-03-29', '2025-09-30', '2025-10-10', '2025-10-25', '2026-02-13', '2026-03-28', '2026-10-24'];
const instant = fc
  .oneof(
    fc.integer({ min: Date.parse('2025-01-01T00:00Z'), max: Date.parse('2026-12-31T00:00Z') }),
    fc.tuple(fc.constantFrom(...hotDays), fc.integer({ min: 0, max: 3 * 86_400_000 })).map(([day, ms]) => Date.parse(`${day}T00:00Z`) + ms),
  )
  .map((ms) => new Date(ms));
const dstDays = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'];
const localDate = fc.oneof(
  fc.constantFrom(...dstDays),
  fc.integer({ min: 0, max: 729 }).map((n) => addLocalDays('2025-01-01', n)),
);
const hours = fc.oneof(
  fc.integer({ min: 0, max: 500 }),
  fc.integer({ min: 0, max: 500 * MS_PER_HOUR }).map((ms) => ms / MS_PER_HOUR),
);

/** Whether an instant lies in a working interval or exactly at its end. */
function onWorkingTime(calendar: WorkingCalendar, at: Date): boolean {
  const date = calendar.localDateOf(at);
  return [addLocalDays(date, -1), date].some((day) => calendar.intervalsOn(day).some((i) => i.start <= at && at <= i.end));
}

describe.each(files.map((file) => [file.id, file] as const))('WorkingCalendar invariants (%s)', (_id, file) => {
  const calendar = WorkingCalendar.fromFile(file);

  it('when a day lists its intervals, then they are ordered, disjoint and end before the next day starts', () => {
    fc.assert(
      fc.property(localDate, (date) => {
        const spans = [...calendar.intervalsOn(date), ...calendar.intervalsOn(addLocalDays(date, 1))];
        spans.forEach((span, i) => {
          expect(span.start.getTime()).toBeLessThan(span.end.getTime());
          if (i > 0) expect(spans[i - 1]?.end.getTime()).toBeLessThanOrEqual(span.start.getTime());
        });
      }),
      runs,
    );
  });

  it('when h working hours are added to a working start, then h working hours lie between them', () => {
    fc.assert(
      fc.property(instant, hours, (raw, h) => {
        const a = calendar.nextWorkingInstant(raw);
        expect(Math.abs(calendar.workingHoursBetween(a, calendar.addWorkingHours(a, h)) - h) * MS_PER_HOUR).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });

  it('when more hours are added, then the result is never earlier', () => {
    fc.assert(
      fc.property(instant, hours, hours, (a, h1, h2) => {
        const [low, high] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(calendar.addWorkingHours(a, low).getTime()).toBeLessThanOrEqual(calendar.addWorkingHours(a, high).getTime());
      }),
      runs,
    );
  });

  it('when hours are added, then the result is in working time or exactly at an interval end', () => {
    fc.assert(
      fc.property(instant, hours, (a, h) => {
        expect(onWorkingTime(calendar, calendar.addWorkingHours(a, h))).toBe(true);
      }),
      runs,
    );
  });

  it('when the start is outside working time, then adding hours starts at the next working instant', () => {
    fc.assert(
      fc.property(instant, hours, (a, h) => {
        fc.pre(h > 0);
        expect(calendar.addWorkingHours(a, h)).toEqual(calendar.addWorkingHours(calendar.nextWorkingInstant(a), h));
      }),
      runs,
    );
  });

  it('when asked for the next working instant, then it is not earlier and lies inside an interval', () => {
    fc.assert(
      fc.property(instant, (a) => {
        const next = calendar.nextWorkingInstant(a);
        expect(next.getTime()).toBeGreaterThanOrEqual(a.getTime());
        const date = calendar.localDateOf(next);
        expect(calendar.intervalsOn(date).some((i) => i.start <= next && next < i.end)).toBe(true);
      }),
      runs,
    );
  });

  it('when the bounds are swapped, then the working time changes sign', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(calendar.workingMsBetween(a, b) + calendar.workingMsBetween(b, a)).toBe(0);
      }),
      runs,
    );
  });

  it('when a span is split at any instant, then the working times add up', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(calendar.workingMsBetween(a, b) + calendar.workingMsBetween(b, c)).toBe(calendar.workingMsBetween(a, c));
      }),
      runs,
    );
  });

  it('when n working days are added, then the result ends the n-th working day after the start day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), (a, n) => {
        const due = calendar.addWorkingDays(a, n);
        const day = calendar.localDateOf(new Date(due.getTime() - 1));
        expect(calendar.isWorkingDay(day)).toBe(true);
        expect(calendar.intervalsOn(day).at(-1)?.end).toEqual(due);
        expect(calendar.workingDaysBetween(a, new Date(due.getTime() - 1))).toBe(n);
      }),
      runs,
    );
  });

  it('when working days are added with a wall time, then the result is on a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), (a, n) => {
        expect(calendar.isWorkingDay(calendar.localDateOf(calendar.addWorkingDays(a, n, '10:00')))).toBe(true);
      }),
      runs,
    );
  });

  it('when a date is a holiday, then it has no intervals; when a make-up day, then it has some', () => {
    for (const day of file.holidays ?? []) expect(calendar.intervalsOn(day.date)).toEqual([]);
    for (const day of file.workdays ?? []) expect(calendar.isWorkingDay(day.date)).toBe(true);
  });
});
