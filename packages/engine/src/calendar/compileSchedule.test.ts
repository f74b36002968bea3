import { describe, expect, it } from 'vitest';
import type { CalendarFile } from './CalendarFile.js';
import { compileSchedule } from './compileSchedule.js';

const name = { 'zh-CN': '测试', en: 'Test' };
const base: CalendarFile = {
  id: 'test',
  title: name,
  week: {
    mon: [
      ['13:00', '18:00'],
      ['09:00', '12:00'],
    ],
    tue: [
      ['09:00', '12:00'],
      ['11:00', '14:00'],
      ['14:00', '15:00'],
    ],
  },
};

describe('compileSchedule', () => {
  it('when intervals are unordered, then the spans are sorted', () => {
    expect(compileSchedule(base)('2025-09-29')).toEqual([
      [540, 720],
      [780, 1080],
    ]);
  });

  it('when intervals overlap or touch, then they are merged', () => {
    expect(compileSchedule(base)('2025-09-30')).toEqual([[540, 900]]);
  });

  it('when a weekday has no schedule, then the day has no spans', () => {
    expect(compileSchedule(base)('2025-10-01')).toEqual([]);
  });

  it('when a make-up day names no hours, then makeUpHours apply, else the Monday schedule', () => {
    const workdays = [{ date: '2025-09-28', name }];
    expect(compileSchedule({ ...base, workdays })('2025-09-28')).toEqual([
      [540, 720],
      [780, 1080],
    ]);
    expect(compileSchedule({ ...base, workdays, makeUpHours: [['10:00', '16:00']] })('2025-09-28')).toEqual([[600, 960]]);
  });

  it('when a make-up day names hours, then those apply', () => {
    const workdays = [{ date: '2025-09-28', name, hours: [['08:00', '10:00']] as [string, string][] }];
    expect(compileSchedule({ ...base, workdays })('2025-09-28')).toEqual([[480, 600]]);
  });

  it('when a date is both a holiday and a make-up day, then the holiday wins', () => {
    const day = { date: '2025-09-29', name };
    expect(compileSchedule({ ...base, holidays: [day], workdays: [day] })('2025-09-29')).toEqual([]);
  });

  it('when a time or a date is malformed, then it throws naming the calendar', () => {
    expect(() => compileSchedule({ ...base, week: { mon: [['9:00', '12:00']] } })).toThrow('calendar "test": invalid wall time "9:00"');
    const holidays = [{ date: '2025-02-30', name }];
    expect(() => compileSchedule({ ...base, holidays })).toThrow('calendar "test": invalid date "2025-02-30"');
    expect(() => compileSchedule({ ...base, week: { mon: [['12:00', '12:00']] } })).toThrow(/does not end after it starts/);
  });
});
