import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarFile } from './CalendarFile.js';
import { weekdayOf } from './localDate.js';
import { WorkingCalendar } from './WorkingCalendar.js';

const readCalendar = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../../../rules/calendars/${id}.calendar.json`, import.meta.url), 'utf8')) as CalendarFile;

const storeFile = readCalendar('default-store');
const store = WorkingCalendar.fromFile(storeFile);
const clock = WorkingCalendar.fromFile(readCalendar('round-the-clock'));
/** A Shanghai wall time, "YYYY-MM-DDTHH:mm", as an instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const name = { 'zh-CN': '测试', en: 'Test' };

describe('default-store calendar file', () => {
  it('when read, then it lists the 2025 and 2026 State Council holidays and make-up working days', () => {
    expect(storeFile.holidays).toHaveLength(61);
    expect(storeFile.workdays?.map((day) => day.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('when read, then every make-up working day is a Saturday or Sunday and no date is both kinds', () => {
    const holidays = new Set(storeFile.holidays?.map((day) => day.date));
    for (const day of storeFile.workdays ?? []) {
      expect([0, 6]).toContain(weekdayOf(day.date));
      expect(holidays.has(day.date)).toBe(false);
    }
  });
});

describe('WorkingCalendar.fromFile', () => {
  it('when the file names no time zone, then Asia/Shanghai is used', () => {
    expect(WorkingCalendar.fromFile({ id: 'x', title: name, week: {} }).timeZone).toBe('Asia/Shanghai');
  });

  it('when the time zone is unknown, then it throws', () => {
    expect(() => WorkingCalendar.fromFile({ id: 'x', title: name, timeZone: 'Mars/Olympus', week: {} })).toThrow(
      'calendar "x": unknown time zone "Mars/Olympus"',
    );
  });

  it('when a wall time is malformed, then it throws', () => {
    const file: CalendarFile = { id: 'x', title: name, week: { mon: [['9:00', '18:00']] } };
    expect(() => WorkingCalendar.fromFile(file)).toThrow(/invalid wall time "9:00"/);
  });
});

describe('WorkingCalendar.isWorkingDay / intervalsOn', () => {
  it('when the day is a National Day holiday, then it has no intervals', () => {
    expect(store.isWorkingDay('2025-10-01')).toBe(false);
    expect(store.intervalsOn('2025-10-01')).toEqual([]);
  });

  it('when the day is a make-up Saturday, then it works the weekday hours with the lunch break', () => {
    expect(store.isWorkingDay('2025-10-11')).toBe(true);
    expect(store.intervalsOn('2025-10-11')).toEqual([
      { start: sh('2025-10-11T09:00'), end: sh('2025-10-11T12:00') },
      { start: sh('2025-10-11T13:00'), end: sh('2025-10-11T18:00') },
    ]);
  });

  it('when the day is an ordinary weekend day, then it is off', () => {
    expect(store.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('when the date is malformed, then it throws', () => {
    expect(() => store.isWorkingDay('2025-10-1')).toThrow(/invalid date/);
  });
});

describe('WorkingCalendar.localDateOf', () => {
  it('when an instant is given in UTC, then its Shanghai date is returned', () => {
    expect(store.localDateOf(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(store.localDateOf(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });
});

describe('WorkingCalendar.addWorkingHours', () => {
  it('when a call at 2025-09-30 16:00 gets 6 working hours, then it is due on 2025-10-09 14:00 after the National Day break', () => {
    expect(store.addWorkingHours(sh('2025-09-30T16:00'), 6)).toEqual(sh('2025-10-09T14:00'));
  });

  it('when the start is given with a UTC offset, then it is read in the calendar zone', () => {
    expect(store.addWorkingHours(new Date('2025-09-30T08:00:00Z'), 6)).toEqual(sh('2025-10-09T14:00'));
  });

  it('when the hours run into Spring Festival 2026, then the make-up Saturday counts and the break is skipped', () => {
    expect(store.addWorkingHours(sh('2026-02-13T17:00'), 3)).toEqual(sh('2026-02-14T11:00'));
    expect(store.addWorkingHours(sh('2026-02-14T17:00'), 2)).toEqual(sh('2026-02-24T10:00'));
  });

  it('when the hours run into Spring Festival 2025, then the working day after the break is used', () => {
    expect(store.addWorkingHours(sh('2025-01-27T17:00'), 2)).toEqual(sh('2025-02-05T10:00'));
  });

  it('when a Friday call runs over into a make-up Saturday, then that Saturday counts', () => {
    expect(store.addWorkingHours(sh('2025-10-10T17:00'), 2)).toEqual(sh('2025-10-11T10:00'));
  });

  it('when the hours cross the lunch break, then the break is skipped', () => {
    expect(store.addWorkingHours(sh('2025-09-29T11:00'), 2)).toEqual(sh('2025-09-29T14:00'));
    expect(store.addWorkingHours(sh('2025-09-29T12:30'), 1)).toEqual(sh('2025-09-29T14:00'));
  });

  it('when a call at 17:30 gets 6 hours, then it rolls over to the next working day', () => {
    expect(store.addWorkingHours(sh('2025-09-22T17:30'), 6)).toEqual(sh('2025-09-23T15:30'));
  });

  it('when the hours end exactly at an interval end, then that end is returned, not the next start', () => {
    expect(store.addWorkingHours(sh('2025-09-22T09:00'), 3)).toEqual(sh('2025-09-22T12:00'));
    expect(store.addWorkingHours(sh('2025-09-22T17:00'), 1)).toEqual(sh('2025-09-22T18:00'));
  });

  it('when hours is 0, then the start is kept inside working time or at an interval end, else the next start is returned', () => {
    expect(store.addWorkingHours(sh('2025-09-22T10:00'), 0)).toEqual(sh('2025-09-22T10:00'));
    expect(store.addWorkingHours(sh('2025-09-22T12:00'), 0)).toEqual(sh('2025-09-22T12:00'));
    expect(store.addWorkingHours(sh('2025-09-22T12:30'), 0)).toEqual(sh('2025-09-22T13:00'));
    expect(store.addWorkingHours(sh('2025-09-22T19:00'), 0)).toEqual(sh('2025-09-23T09:00'));
  });

  it('when hours is 0 at a midnight that ends an interval, then the midnight is returned', () => {
    const week: CalendarFile['week'] = { sun: [['20:00', '24:00']], mon: [['08:00', '12:00']] };
    const evening = WorkingCalendar.fromFile({ id: 'evening', title: name, week });
    expect(evening.addWorkingHours(sh('2025-09-29T00:00'), 0)).toEqual(sh('2025-09-29T00:00'));
    expect(evening.addWorkingHours(sh('2025-09-28T22:00'), 2)).toEqual(sh('2025-09-29T00:00'));
    expect(evening.addWorkingHours(sh('2025-09-29T00:00'), 1)).toEqual(sh('2025-09-29T09:00'));
  });

  it('when hours are fractional, then they are counted to the millisecond', () => {
    expect(store.addWorkingHours(sh('2025-09-22T09:00'), 0.5)).toEqual(sh('2025-09-22T09:30'));
    expect(store.addWorkingHours(sh('2025-09-22T09:00'), 1 / 3_600_000).getTime()).toBe(sh('2025-09-22T09:00').getTime() + 1);
  });

  it('when hours are negative or not finite, then it throws a RangeError', () => {
    for (const hours of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => store.addWorkingHours(sh('2025-09-22T09:00'), hours)).toThrow(RangeError);
    }
  });

  it('when the start is an invalid Date, then it throws a RangeError', () => {
    expect(() => store.addWorkingHours(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('when the calendar counts every hour, then holidays do not matter', () => {
    expect(clock.addWorkingHours(sh('2026-02-16T10:00'), 24)).toEqual(sh('2026-02-17T10:00'));
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('when 1 working day is added before National Day, then it is due at the end of 2025-10-09', () => {
    expect(store.addWorkingDays(sh('2025-09-30T10:00'), 1)).toEqual(sh('2025-10-09T18:00'));
  });

  it('when a wall time is given, then it is that time on the due day', () => {
    expect(store.addWorkingDays(sh('2025-09-30T10:00'), 1, '12:00')).toEqual(sh('2025-10-09T12:00'));
  });

  it('when the days cross a make-up Sunday, then that Sunday counts', () => {
    expect(store.addWorkingDays(sh('2025-09-26T10:00'), 1)).toEqual(sh('2025-09-28T18:00'));
    expect(store.addWorkingDays(sh('2025-09-26T10:00'), 3)).toEqual(sh('2025-09-30T18:00'));
  });

  it('when days is 0, then it is the close of the working day still open at the start (after the close: the next one)', () => {
    expect(store.addWorkingDays(sh('2025-09-30T10:00'), 0)).toEqual(sh('2025-09-30T18:00'));
    expect(store.addWorkingDays(sh('2025-09-30T20:00'), 0)).toEqual(sh('2025-10-09T18:00'));
    expect(store.addWorkingDays(sh('2025-10-03T10:00'), 0)).toEqual(sh('2025-10-09T18:00'));
  });

  it('when the calendar ends its days at 24:00, then the due time is the next midnight', () => {
    expect(clock.addWorkingDays(sh('2026-02-16T10:00'), 1)).toEqual(sh('2026-02-18T00:00'));
  });

  it('when days is negative or fractional, or the wall time is malformed, then it throws', () => {
    expect(() => store.addWorkingDays(sh('2025-09-30T10:00'), -1)).toThrow(RangeError);
    expect(() => store.addWorkingDays(sh('2025-09-30T10:00'), 1.5)).toThrow(RangeError);
    expect(() => store.addWorkingDays(sh('2025-09-30T10:00'), 1, '9:00')).toThrow(/invalid wall time/);
  });
});

describe('WorkingCalendar.endOfWorkingDay / nextWorkingInstant', () => {
  it('when the day is a holiday, then the end of the next working day is returned', () => {
    expect(store.endOfWorkingDay(sh('2025-10-01T10:00'))).toEqual(sh('2025-10-09T18:00'));
    expect(store.endOfWorkingDay(sh('2025-09-30T08:00'))).toEqual(sh('2025-09-30T18:00'));
  });

  it('when the instant is inside working time, then it is returned, else the next interval start', () => {
    expect(store.nextWorkingInstant(sh('2025-09-30T10:00'))).toEqual(sh('2025-09-30T10:00'));
    expect(store.nextWorkingInstant(sh('2025-09-30T12:00'))).toEqual(sh('2025-09-30T13:00'));
    expect(store.nextWorkingInstant(sh('2025-09-30T18:00'))).toEqual(sh('2025-10-09T09:00'));
  });
});

describe('WorkingCalendar.workingHoursBetween / workingDaysBetween', () => {
  it('when the span crosses National Day, then only working hours count, negative when reversed', () => {
    expect(store.workingHoursBetween(sh('2025-09-30T16:00'), sh('2025-10-09T14:00'))).toBe(6);
    expect(store.workingHoursBetween(sh('2025-10-09T14:00'), sh('2025-09-30T16:00'))).toBe(-6);
    expect(store.workingHoursBetween(sh('2025-09-29T11:00'), sh('2025-09-29T14:00'))).toBe(2);
  });

  it('when the calendar counts every hour, then a holiday week is 168 hours', () => {
    expect(clock.workingHoursBetween(sh('2026-02-15T00:00'), sh('2026-02-22T00:00'))).toBe(168);
  });

  it('when counting working days, then the start day is excluded and the end day included', () => {
    expect(store.workingDaysBetween(sh('2025-09-26T10:00'), sh('2025-09-29T09:00'))).toBe(2);
    expect(store.workingDaysBetween(sh('2025-09-29T09:00'), sh('2025-09-26T10:00'))).toBe(-2);
    expect(store.workingDaysBetween(sh('2025-09-30T10:00'), sh('2025-10-09T10:00'))).toBe(1);
    expect(store.workingDaysBetween(sh('2025-09-30T10:00'), sh('2025-10-08T10:00'))).toBe(0);
    expect(store.workingDaysBetween(sh('2025-09-30T09:00'), sh('2025-09-30T17:00'))).toBe(0);
  });
});

describe('WorkingCalendar search limit', () => {
  const idle = WorkingCalendar.fromFile({ id: 'idle', title: name, week: {} });

  it('when the calendar has no working time, then searches throw a RangeError instead of hanging', () => {
    const message = 'calendar "idle" has no working time within 10 years';
    expect(() => idle.addWorkingHours(sh('2025-09-30T10:00'), 1)).toThrow(message);
    expect(() => idle.addWorkingDays(sh('2025-09-30T10:00'), 1)).toThrow(message);
    expect(() => idle.nextWorkingInstant(sh('2025-09-30T10:00'))).toThrow(RangeError);
  });

  it('when a span is longer than 10 years, then it throws a RangeError', () => {
    expect(() => store.workingMsBetween(sh('2000-01-01T00:00'), sh('2025-01-01T00:00'))).toThrow(/more than 10 years/);
  });
});
