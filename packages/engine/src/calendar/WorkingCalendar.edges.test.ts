import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarFile } from './CalendarFile.js';
import { WorkingCalendar } from './WorkingCalendar.js';

const readCalendar = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../../../rules/calendars/${id}.calendar.json`, import.meta.url), 'utf8')) as CalendarFile;
/** Monday to Friday 09:00-12:00, 13:00-18:00; 2025 and 2026 State Council holidays and make-up days. */
const store = WorkingCalendar.fromFile(readCalendar('default-store'));
/** A Shanghai wall time, "YYYY-MM-DDTHH:mm", as an instant. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const name = { 'zh-CN': '测试', en: 'Test' };
const officeWeek = (timeZone: string): CalendarFile => {
  const day: [string, string][] = [
    ['09:00', '12:00'],
    ['13:00', '18:00'],
  ];
  return { id: `office-${timeZone}`, title: name, timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day } };
};

describe('WorkingCalendar.endOfWorkingDay', () => {
  it('when the instant is after the close of a working day, then it is the close of the next working day', () => {
    expect(store.endOfWorkingDay(sh('2025-09-29T21:30'))).toEqual(sh('2025-09-30T18:00'));
    expect(store.endOfWorkingDay(sh('2025-10-17T23:59'))).toEqual(sh('2025-10-20T18:00'));
  });

  it('when the instant is exactly the close, then the day is over and it is the close of the next working day', () => {
    expect(store.endOfWorkingDay(sh('2025-09-29T18:00'))).toEqual(sh('2025-09-30T18:00'));
    expect(store.endOfWorkingDay(sh('2025-09-29T17:59'))).toEqual(sh('2025-09-29T18:00'));
  });

  it('when the instant is before the opening or in the lunch break, then it is the same day close', () => {
    expect(store.endOfWorkingDay(sh('2025-09-29T00:00'))).toEqual(sh('2025-09-29T18:00'));
    expect(store.endOfWorkingDay(sh('2025-09-29T07:00'))).toEqual(sh('2025-09-29T18:00'));
    expect(store.endOfWorkingDay(sh('2025-09-29T12:30'))).toEqual(sh('2025-09-29T18:00'));
  });

  it('when the instant is on a weekend, then it is the close of the next working day', () => {
    expect(store.endOfWorkingDay(sh('2025-10-18T10:00'))).toEqual(sh('2025-10-20T18:00'));
  });

  it('when the evening before National Day 2025, then it is the close of Oct 9 (Oct 1-8 off)', () => {
    expect(store.endOfWorkingDay(sh('2025-09-30T21:30'))).toEqual(sh('2025-10-09T18:00'));
  });

  it('when the next day is a make-up Sunday or Saturday (调休), then it is that day close', () => {
    expect(store.endOfWorkingDay(sh('2025-09-27T10:00'))).toEqual(sh('2025-09-28T18:00')); // Sat -> make-up Sun
    expect(store.endOfWorkingDay(sh('2025-01-24T21:30'))).toEqual(sh('2025-01-26T18:00')); // Fri night -> make-up Sun before Spring Festival
    expect(store.endOfWorkingDay(sh('2025-10-11T10:00'))).toEqual(sh('2025-10-11T18:00')); // make-up Sat itself
  });

  it('when after the close of the make-up Saturday before Spring Festival 2026, then it is the close of Feb 24 (Feb 15-23 off)', () => {
    expect(store.endOfWorkingDay(sh('2026-02-14T19:00'))).toEqual(sh('2026-02-24T18:00'));
  });

  it('when after the close on New Year Eve 2025, then it is the close of the make-up Sunday 2026-01-04 (Jan 1-3 off)', () => {
    expect(store.endOfWorkingDay(sh('2025-12-31T21:30'))).toEqual(sh('2026-01-04T18:00'));
  });
});

describe('WorkingCalendar.addWorkingHours around closing, breaks and days off', () => {
  it('when a call comes at 21:30, then 6 working hours end the next day at 16:00', () => {
    expect(store.addWorkingHours(sh('2025-09-29T21:30'), 6)).toEqual(sh('2025-09-30T16:00'));
  });

  it('when the start is before the opening, then counting starts at 09:00 the same day', () => {
    expect(store.addWorkingHours(sh('2025-09-29T07:00'), 6)).toEqual(sh('2025-09-29T16:00'));
  });

  it('when the start is in the lunch break, then counting starts at 13:00', () => {
    expect(store.addWorkingHours(sh('2025-09-29T12:30'), 1)).toEqual(sh('2025-09-29T14:00'));
  });

  it('when the start is on a make-up Sunday, then that Sunday counts', () => {
    expect(store.addWorkingHours(sh('2025-09-28T10:00'), 8)).toEqual(sh('2025-09-29T10:00'));
  });

  it('when the hours cross the new year and its holidays, then they continue on the make-up Sunday', () => {
    expect(store.addWorkingHours(sh('2025-12-31T17:00'), 2)).toEqual(sh('2026-01-04T10:00'));
  });

  it('when the start is during Spring Festival 2026, then counting starts on Feb 24', () => {
    expect(store.addWorkingHours(sh('2026-02-18T10:00'), 3)).toEqual(sh('2026-02-24T12:00'));
  });
});

describe('WorkingCalendar.addWorkingDays around closing and days off', () => {
  it('when the start is before the opening or in working time, then the start day is not counted', () => {
    expect(store.addWorkingDays(sh('2025-09-29T07:00'), 1)).toEqual(sh('2025-09-30T18:00'));
    expect(store.addWorkingDays(sh('2025-09-29T12:30'), 1)).toEqual(sh('2025-09-30T18:00'));
  });

  it('when the start is after closing or on a day off, then it counts as made at the next opening', () => {
    expect(store.addWorkingDays(sh('2025-09-28T21:30'), 1)).toEqual(sh('2025-09-30T18:00')); // make-up Sunday night
    expect(store.addWorkingDays(sh('2025-09-29T21:30'), 1)).toEqual(sh('2025-10-09T18:00')); // Sep 30, then National Day
    expect(store.addWorkingDays(sh('2025-10-18T10:00'), 1)).toEqual(sh('2025-10-21T18:00')); // Saturday: Monday, then Tuesday
    expect(store.workingDaysBetween(sh('2025-10-18T10:00'), sh('2025-10-21T17:00'))).toBe(1);
  });

  it('when the days cross the new year, then the holidays are skipped and the make-up Sunday counts', () => {
    expect(store.addWorkingDays(sh('2025-12-31T10:00'), 1)).toEqual(sh('2026-01-04T18:00'));
    expect(store.addWorkingDays(sh('2025-12-31T10:00'), 2)).toEqual(sh('2026-01-05T18:00'));
  });

  it('when days is 0 with a wall time after closing, then the wall time is on the next working day', () => {
    expect(store.addWorkingDays(sh('2025-09-29T21:30'), 0, '17:30')).toEqual(sh('2025-09-30T17:30'));
  });
});

describe('WorkingCalendar in other time zones', () => {
  it('when the zone is Asia/Urumqi (UTC+6), then the office hours are its wall hours', () => {
    const urumqi = WorkingCalendar.fromFile(officeWeek('Asia/Urumqi'));
    expect(urumqi.endOfWorkingDay(new Date('2025-03-10T20:00:00+06:00'))).toEqual(new Date('2025-03-11T18:00:00+06:00'));
    expect(urumqi.addWorkingHours(new Date('2025-03-10T21:00:00+08:00'), 1)).toEqual(new Date('2025-03-11T10:00:00+06:00'));
  });

  it('when the zone is Asia/Kathmandu (UTC+5:45), then the close is 18:00 there', () => {
    const kathmandu = WorkingCalendar.fromFile(officeWeek('Asia/Kathmandu'));
    expect(kathmandu.endOfWorkingDay(new Date('2025-03-10T19:00:00+05:45'))).toEqual(new Date('2025-03-11T18:00:00+05:45'));
  });

  it('when New York changes to summer time over the weekend, then Friday night counts on to Monday in EDT', () => {
    const newYork = WorkingCalendar.fromFile(officeWeek('America/New_York'));
    expect(newYork.endOfWorkingDay(new Date('2025-03-07T19:00:00-05:00'))).toEqual(new Date('2025-03-10T18:00:00-04:00'));
    expect(newYork.addWorkingHours(new Date('2025-03-07T17:00:00-05:00'), 2)).toEqual(new Date('2025-03-10T10:00:00-04:00'));
    expect(newYork.addWorkingDays(new Date('2025-10-31T16:00:00-04:00'), 1)).toEqual(new Date('2025-11-03T18:00:00-05:00'));
  });
});

describe('WorkingCalendar at the edges of the years 0001-9999', () => {
  const utc = WorkingCalendar.fromFile(officeWeek('UTC'));

  it('when the start is in year 1, 100 or 9999, then the arithmetic is that of those years (not 19xx)', () => {
    // 0001-01-01 is a Monday in the proleptic Gregorian calendar.
    expect(utc.endOfWorkingDay(new Date('0001-01-01T08:00:00Z')).toISOString()).toBe('0001-01-01T18:00:00.000Z');
    expect(utc.addWorkingHours(new Date('0100-01-01T00:00:00Z'), 4).toISOString()).toBe('0100-01-01T14:00:00.000Z');
    expect(utc.addWorkingDays(new Date('9999-12-29T10:00:00Z'), 1).toISOString()).toBe('9999-12-30T18:00:00.000Z');
    expect(utc.workingHoursBetween(new Date('0001-01-01T00:00:00Z'), new Date('0001-01-08T00:00:00Z'))).toBe(40);
  });

  it('when the answer lies after 9999-12-31, then it is a RangeError (unknown), never another error', () => {
    expect(() => utc.endOfWorkingDay(new Date('9999-12-31T20:00:00Z'))).toThrow(RangeError);
    expect(() => store.endOfWorkingDay(new Date('9999-12-31T20:00:00+08:00'))).toThrow(RangeError);
    expect(() => store.addWorkingDays(new Date('9999-12-31T10:00:00+08:00'), 1)).toThrow(RangeError);
    expect(() => store.addWorkingHours(new Date('9999-12-31T20:00:00+08:00'), 6)).toThrow(RangeError);
  });

  it('when the start is in year 1 in Asia/Shanghai, then the answers are on that day, never an error', () => {
    const start = new Date('0001-01-01T08:00:00+08:00');
    expect(store.localDateOf(store.endOfWorkingDay(start))).toBe('0001-01-01');
    expect(store.localDateOf(store.addWorkingHours(start, 6))).toBe('0001-01-01');
    expect(store.localDateOf(store.addWorkingDays(new Date('0100-01-01T00:00:00+08:00'), 1))).toBe('0100-01-04');
  });
});
