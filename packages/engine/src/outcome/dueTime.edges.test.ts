import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { dueTime } from './dueTime.js';

const name = { 'zh-CN': '测试', en: 'Test' };
const office: [string, string][] = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];
const shanghai = WorkingCalendar.fromFile({
  id: 'office',
  title: name,
  timeZone: 'Asia/Shanghai',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
});
const utc = WorkingCalendar.fromFile({
  id: 'utc',
  title: name,
  timeZone: 'UTC',
  week: { mon: office, tue: office, wed: office, thu: office, fri: office },
});
const sh = (local: string) => new Date(`${local}:00+08:00`);

describe('dueTime endOfWorkingDay (minutes before the close)', () => {
  it('when the start is before the check time, then it is the same day close minus the minutes', () => {
    expect(dueTime(sh('2025-10-09T10:00'), 'endOfWorkingDay', 30, shanghai)).toEqual(sh('2025-10-09T17:30'));
  });

  it('when the start is after the close or after the check time, then it is the next working day, never before the start', () => {
    expect(dueTime(sh('2025-10-09T21:30'), 'endOfWorkingDay', 30, shanghai)).toEqual(sh('2025-10-10T17:30'));
    expect(dueTime(sh('2025-10-09T17:45'), 'endOfWorkingDay', 30, shanghai)).toEqual(sh('2025-10-10T17:30'));
    expect(dueTime(sh('2025-10-11T10:00'), 'endOfWorkingDay', 0, shanghai)).toEqual(sh('2025-10-13T18:00'));
  });
});

describe('dueTime in the years 0001-0099 and 9999', () => {
  it('when calendar-time limits start in year 1 or 99, then they stay in those years (Date.UTC would give 19xx)', () => {
    const start = new Date('0001-01-15T10:00:00Z');
    expect(dueTime(start, 'months', 1, utc).toISOString()).toBe('0001-02-15T10:00:00.000Z');
    expect(dueTime(start, 'days', 3, utc, '17:00').toISOString()).toBe('0001-01-18T17:00:00.000Z');
    expect(dueTime(start, 'dayOfNextMonth', 5, utc, '12:00').toISOString()).toBe('0001-02-05T12:00:00.000Z');
    expect(dueTime(new Date('0099-01-31T08:00:00Z'), 'months', 1, utc).toISOString()).toBe('0099-02-28T08:00:00.000Z');
  });

  it('when a limit lands after 9999, then it is a RangeError (read as "no due time"), never another error', () => {
    const start = new Date('9999-12-31T20:00:00Z'); // a Friday, after the close
    for (const [unit, amount] of [
      ['months', 1],
      ['dayOfNextMonth', 1],
      ['workingDays', 1],
      ['endOfWorkingDay', 30],
    ] as const) {
      expect(() => dueTime(start, unit, amount, utc, unit === 'dayOfNextMonth' ? '12:00' : undefined)).toThrow(RangeError);
    }
    expect(() => dueTime(start, 'days', 1, utc, '10:00')).toThrow(RangeError);
  });
});
