import { describe, expect, it } from 'vitest';
import { parseInstant } from '../calendar/parseInstant.js';
import { rememberInstant } from './rememberInstant.js';

describe('rememberInstant', () => {
  it('when dates, local date-times, offsets and non-dates are read twice, then both answers are parseInstant’s', () => {
    const values = ['2024-05-20', '2025-10-09T10:00', '2025-10-09T10:00:00+08:00', '2025-02-30', 'soon', '', 7, null, undefined];
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin']) {
      for (const value of values) {
        expect(rememberInstant(value, zone)).toEqual(parseInstant(value, zone));
        expect(rememberInstant(value, zone)).toEqual(parseInstant(value, zone));
      }
    }
  });

  it('when a remembered date is changed by its reader, then the next reader still gets the right instant', () => {
    const first = rememberInstant('2024-06-01', 'Asia/Shanghai')!;
    first.setTime(0);
    expect(rememberInstant('2024-06-01', 'Asia/Shanghai')?.toISOString()).toBe('2024-05-31T16:00:00.000Z');
  });
});
