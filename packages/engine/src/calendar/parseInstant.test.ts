import { describe, expect, it } from 'vitest';
import { parseInstant } from './parseInstant.js';

describe('parseInstant', () => {
  it('when a date-time has no offset, then it is wall time in the zone (New York in summer time)', () => {
    expect(parseInstant('2025-07-01T09:30', 'America/New_York')?.toISOString()).toBe('2025-07-01T13:30:00.000Z');
    expect(parseInstant('2025-07-01 09:30:15', 'Asia/Shanghai')?.toISOString()).toBe('2025-07-01T01:30:15.000Z');
  });

  it('when a date has a year below 100, then it is that year, not 19xx', () => {
    expect(parseInstant('0001-01-01T08:00', 'UTC')?.toISOString()).toBe('0001-01-01T08:00:00.000Z');
    expect(parseInstant('0099-06-30', 'UTC')?.toISOString()).toBe('0099-06-30T00:00:00.000Z');
    expect(parseInstant('0100-01-01T00:00:00+08:00', 'UTC')?.toISOString()).toBe('0099-12-31T16:00:00.000Z');
  });

  it('when the date or time does not exist, then it is null', () => {
    for (const text of ['2025-02-30', '2025-02-29T10:00', '2025-10-09T24:00', '2025-10-09T10:75', 'soon', '']) {
      expect(parseInstant(text, 'Asia/Shanghai')).toBeNull();
    }
  });
});
