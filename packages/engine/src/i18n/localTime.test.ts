import { describe, expect, it } from 'vitest';
import { formatLocalDate, formatLocalDateTime, formatLocalTime } from './localTime.js';

const timeZone = 'Asia/Shanghai';

describe('formatLocalTime', () => {
  it('when a moment is in the year of now, then it reads as a local date without the year', () => {
    const now = '2026-03-01T00:00:00Z';
    expect(formatLocalTime('2026-12-01T06:00:00.000Z', 'zh-CN', { timeZone, now })).toBe('12月1日 周二 14:00');
    expect(formatLocalTime('2026-12-01T06:00:00.000Z', 'en', { timeZone, now })).toBe('Tue 12-01 14:00');
  });

  it('when a moment is in another year, then the year is shown (a warranty end of 2028 keeps its year)', () => {
    const now = '2026-03-01T00:00:00Z';
    expect(formatLocalTime('2028-12-01T06:00:00.000Z', 'zh-CN', { timeZone, now })).toBe('2028年12月1日 周五 14:00');
    expect(formatLocalTime('2028-12-01T06:00:00.000Z', 'en', { timeZone, now })).toBe('Fri 2028-12-01 14:00');
    expect(formatLocalTime('2028-12-01T06:00:00.000Z', 'zh-CN', { timeZone })).toBe('2028年12月1日 周五 14:00');
  });

  it('when the year changes in the stores zone but not in UTC, then the local year counts', () => {
    // 2026-12-31 17:00 UTC is 2027-01-01 01:00 in Shanghai.
    expect(formatLocalTime('2026-12-31T17:00:00Z', 'zh-CN', { timeZone, now: '2026-12-31T10:00:00Z' })).toBe('2027年1月1日 周五 01:00');
  });

  it('when a list shows a moment, then it is "YYYY-MM-DD HH:mm" local, never ISO or US order', () => {
    expect(formatLocalDateTime('2026-12-01T09:00:00.000Z', 'en', timeZone)).toBe('2026-12-01 17:00');
    expect(formatLocalDateTime('2026-12-01T09:00:00.000Z', 'zh-CN', timeZone)).toBe('2026-12-01 17:00');
    expect(formatLocalDateTime(null, 'en', timeZone)).toBe('');
  });

  it('when a date field is shown, then it reads as a date with the year when not this year', () => {
    expect(formatLocalDate('2028-12-01', 'zh-CN', { year: 2026 })).toBe('2028年12月1日');
    expect(formatLocalDate('2026-12-01', 'zh-CN', { year: 2026 })).toBe('12月1日');
    expect(formatLocalDate('2028-12-01', 'en')).toBe('1 Dec 2028');
  });
});
