// Date functions of formulas against a slow, obvious oracle: a month-length table with the
// Gregorian leap rule, and walking one day at a time. fast-check prints the seed (FC_SEED replays).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, shiftDate, shiftLocalDate } from './dateArithmetic.js';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
type Ymd = [number, number, number];
const text = ([y, m, d]: Ymd) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function nextDay([y, m, d]: Ymd): Ymd {
  if (d < monthLength(y, m)) return [y, m, d + 1];
  return m < 12 ? [y, m + 1, 1] : [y + 1, 1, 1];
}
function previousDay([y, m, d]: Ymd): Ymd {
  if (d > 1) return [y, m, d - 1];
  return m > 1 ? [y, m - 1, monthLength(y, m - 1)] : [y - 1, 12, 31];
}
const oracleAddDays = (date: Ymd, n: number): Ymd => {
  let at = date;
  for (let i = 0; i < Math.abs(n); i++) at = n > 0 ? nextDay(at) : previousDay(at);
  return at;
};
const oracleAddMonths = ([y, m, d]: Ymd, n: number): Ymd => {
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return [year, month, Math.min(d, monthLength(year, month))];
};
const compare = (a: Ymd, b: Ymd) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const oracleDaysBetween = (a: Ymd, b: Ymd): number => {
  const sign = compare(a, b) <= 0 ? 1 : -1;
  const end = sign > 0 ? b : a;
  let at = sign > 0 ? a : b;
  let count = 0;
  while (compare(at, end) < 0) {
    at = nextDay(at);
    count++;
  }
  return sign * count;
};

const ymd = fc
  .tuple(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]): Ymd => [y, m, Math.min(d, monthLength(y, m))]);
/** Month ends and leap days are where mistakes show: pick them often. */
const edgeDate = fc
  .tuple(fc.integer({ min: 1896, max: 2104 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]): Ymd => [y, m, monthLength(y, m)]);
const date = fc.oneof(ymd, edgeDate, fc.constantFrom<Ymd>([2024, 2, 29], [2000, 2, 29], [1900, 2, 28], [2100, 2, 28]));
const runs = { numRuns: 400 };

describe('date arithmetic of formulas (against an oracle)', () => {
  it('when days are added to a date, then the date is the one reached by walking day by day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), (start, n) => {
        expect(shiftLocalDate(text(start), n, 'days')).toBe(text(oracleAddDays(start, n)));
      }),
      runs,
    );
  });

  it('when months or years are added, then the day is kept or clamped to the end of the target month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), fc.boolean(), (start, n, years) => {
        const expected = oracleAddMonths(start, years ? n * 12 : n);
        expect(shiftLocalDate(text(start), n, years ? 'years' : 'months')).toBe(text(expected));
      }),
      runs,
    );
  });

  it('when days between two dates are counted, then it is the number of steps from one to the other', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), (start, n) => {
        const end = oracleAddDays(start, n);
        const at = (t: Ymd) => ({ kind: 'date' as const, date: text(t) });
        expect(daysBetween(at(start), at(end), 'UTC')).toBe(oracleDaysBetween(start, end));
        expect(daysBetween(at(start), at(end), 'Asia/Shanghai')).toBe(n);
      }),
      runs,
    );
  });

  it('when a date-time moves by days in a zone with daylight saving, then the local date moves by as many days', () => {
    const zone = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe');
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: -400, max: 400 }), (timeZone, ms, n) => {
        const start = { kind: 'instant' as const, ms };
        const moved = shiftDate(start, n, 'days', timeZone);
        expect(moved).not.toBeNull();
        expect(daysBetween(start, moved!, timeZone)).toBe(n);
      }),
      runs,
    );
  });
});
