import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantAtWallClock, wallClockAt } from './wallClock.js';

describe('wall clocks of a time zone', () => {
  it('when a Shanghai store reads an instant, then its clock shows China time, whatever zone the machine is in', () => {
    expect(wallClockAt('2025-10-09T01:00:00.000Z', 'Asia/Shanghai')).toEqual({ year: 2025, month: 10, day: 9, hour: 9, minute: 0 });
    expect(wallClockAt('2025-12-31T16:30:00Z', 'Asia/Shanghai')).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 30 });
    expect(wallClockAt('2025-10-09T09:00:00+08:00', 'Europe/London')).toEqual({ year: 2025, month: 10, day: 9, hour: 2, minute: 0 });
  });

  it('when a time is picked on a store’s clock, then it is kept as the instant that clock shows it', () => {
    expect(instantAtWallClock({ year: 2025, month: 10, day: 9, hour: 10, minute: 30 }, 'Asia/Shanghai')).toBe('2025-10-09T02:30:00.000Z');
    expect(instantAtWallClock({ year: 2025, month: 7, day: 1, hour: 10, minute: 30 }, 'Europe/London')).toBe('2025-07-01T09:30:00.000Z');
  });

  it('when the text is no time, then there is no clock reading', () => {
    expect(wallClockAt('soon', 'Asia/Shanghai')).toBeNull();
    expect(wallClockAt('', 'Asia/Shanghai')).toBeNull();
  });

  it('when any minute is read on a zone’s clock and kept again, then it is the same instant (zones without a DST change on that day)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        fc.constantFrom('Asia/Shanghai', 'Asia/Kolkata', 'UTC', 'Asia/Tokyo'),
        (minute, zone) => {
          const ms = minute * 60_000;
          expect(instantAtWallClock(wallClockAt(ms, zone)!, zone)).toBe(new Date(ms).toISOString());
        },
      ),
    );
  });
});
