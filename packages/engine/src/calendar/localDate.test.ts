import { describe, expect, it } from 'vitest';
import { addLocalDays, formatLocalDate, parseLocalDate, weekdayOf } from './localDate.js';

describe('localDate', () => {
  it('when a date is parsed and formatted, then it round-trips', () => {
    expect(formatLocalDate(parseLocalDate('2024-02-29'))).toBe('2024-02-29');
  });

  it.each(['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-01T00:00', ''])('when given "%s", then parsing throws', (text) => {
    expect(() => parseLocalDate(text)).toThrow(/invalid date/);
  });

  it('when days are added across a month, a year or a leap day, then the calendar date is right', () => {
    expect(addLocalDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addLocalDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addLocalDays('2025-10-01', 0)).toBe('2025-10-01');
  });

  it('when a year is below 100, then it is that year, not 19xx (Date.UTC would map 0001 to 1901)', () => {
    expect(formatLocalDate(parseLocalDate('0001-01-01'))).toBe('0001-01-01');
    expect(formatLocalDate(parseLocalDate('0099-12-31'))).toBe('0099-12-31');
    expect(addLocalDays('0000-12-31', 1)).toBe('0001-01-01');
    expect(addLocalDays('0100-01-01', -1)).toBe('0099-12-31');
    expect(weekdayOf('0001-01-01')).toBe(1); // proleptic Gregorian Monday
  });

  it('when a step leaves the four-digit years, then the date is in the extended form, which parsing refuses', () => {
    expect(addLocalDays('9999-12-31', 1)).toBe('+010000-01-01');
    expect(addLocalDays('0000-01-01', -1)).toBe('-000001-12-31');
    expect(() => parseLocalDate('+010000-01-01')).toThrow(/invalid date/);
  });

  it('when asked for a weekday, then 0 is Sunday and 6 is Saturday', () => {
    expect(weekdayOf('2025-09-28')).toBe(0);
    expect(weekdayOf('2025-10-11')).toBe(6);
  });
});
