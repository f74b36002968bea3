// The fast date and calendar code (day numbers, epoch ms, no `Date` or regular expression on the
// usual paths) against the former implementation kept as the oracle (`reference/`, and `Date`
// itself): the same answer, or the same error, on generated instants, texts, calendars (holidays,
// make-up days, after-hours spans, DST zones) and durations. 106,000 generated cases per run; the
// seed is printed first (FAST_DATES_SEED=<seed> reruns it).
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeadlineUnit } from '../outcome/OutcomeEvent.js';
import { dueTime } from '../outcome/dueTime.js';
import { referenceDueTime } from '../outcome/reference/referenceDueTime.js';
import type { CalendarFile, WorkingInterval } from './CalendarFile.js';
import { formatDay, formatInstant, parseDay } from './civilDay.js';
import { formatLocalDate } from './localDate.js';
import { instantMsOf, parseInstant, readOffsetInstant } from './parseInstant.js';
import { ReferenceWorkingCalendar } from './reference/ReferenceWorkingCalendar.js';
import { referenceParseInstant } from './reference/referenceParseInstant.js';
import { WorkingCalendar } from './WorkingCalendar.js';
import { zonedDayOf, zonedInstant, zonedInstantOfDay, zonedLocalDate } from './zonedTime.js';
import { zoneOffsets } from './zoneOffsets.js';

const SEED = process.env.FAST_DATES_SEED === undefined ? Date.now() % 2_147_483_647 : Number(process.env.FAST_DATES_SEED);
console.info(`fast dates differential test: seed ${SEED} (FAST_DATES_SEED=${SEED} reruns it)`);
const runs = (numRuns: number) => ({ numRuns, seed: SEED });

/** A call's answer or its error, comparable with `toEqual`. */
function outcome(call: () => unknown): unknown {
  try {
    const value = call();
    return { value: value instanceof Date ? `date ${value.getTime()}` : value };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata'];
const MS_PER_DAY = 86_400_000;
const FIRST_MS = Date.parse('0000-01-01T00:00:00Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');
/** DST changes and holiday breaks, where mistakes would show. */
const HOT_DAYS = ['2025-03-09', '2025-03-30', '2025-10-26', '2025-11-02', '2026-03-08', '2026-03-29', '2025-01-27', '2025-09-30'];

const instantMs = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: Date.parse('2024-01-01T00:00Z'), max: Date.parse('2027-12-31T00:00Z') }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOT_DAYS), fc.integer({ min: -2 * MS_PER_DAY, max: 3 * MS_PER_DAY }))
      .map(([day, ms]) => Date.parse(`${day}T00:00Z`) + ms),
  },
  { weight: 1, arbitrary: fc.integer({ min: FIRST_MS - 3 * MS_PER_DAY, max: FIRST_MS + 20 * MS_PER_DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: LAST_MS - 20 * MS_PER_DAY, max: LAST_MS + 3 * MS_PER_DAY }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, -8.64e15, 8.64e15, 0) },
);

const quarter = fc.integer({ min: 0, max: 96 }).map((q) => q * 15);
const wall = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const interval = fc
  .tuple(quarter, quarter)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): WorkingInterval => [wall(Math.min(a, b)), wall(Math.max(a, b))]);
const intervals = fc.array(interval, { maxLength: 3 });
/** Weekdays mostly work (a calendar without working time makes every search walk its 10 years). */
const workday = fc.oneof({ weight: 9, arbitrary: fc.array(interval, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: intervals });
const dateIn2025to26 = fc.integer({ min: 0, max: 729 }).map((n) => formatLocalDate(Date.parse('2025-01-01T00:00Z') + n * MS_PER_DAY));
const name = { 'zh-CN': '测试', en: 'Test' };

const calendarFile: fc.Arbitrary<CalendarFile> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.record({ mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: intervals, sun: intervals }),
    makeUpHours: fc.option(intervals, { nil: undefined }),
    holidays: fc.uniqueArray(fc.oneof(dateIn2025to26, fc.constantFrom(...HOT_DAYS)), { maxLength: 25 }),
    workdays: fc.uniqueArray(fc.tuple(dateIn2025to26, fc.option(intervals, { nil: undefined })), { maxLength: 8, selector: ([d]) => d }),
  })
  .map(({ timeZone, week, makeUpHours, holidays, workdays }) => ({
    id: 'generated',
    title: name,
    timeZone,
    week,
    ...(makeUpHours ? { makeUpHours } : {}),
    holidays: holidays.map((date) => ({ date, name })),
    workdays: workdays.map(([date, hours]) => ({ date, name, ...(hours ? { hours } : {}) })),
  }));

const hours = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 8, arbitrary: fc.double({ min: 0, max: 200, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, Infinity, 3000) },
);
const days = fc.oneof(
  { weight: 18, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 1.5) },
  { weight: 1, arbitrary: fc.constantFrom(400) },
);
const at = fc.option(quarter.filter((m) => m < 1440).map(wall), { nil: undefined });
const localDateText = fc.oneof(
  dateIn2025to26,
  fc.constantFrom(...HOT_DAYS),
  fc.constantFrom('2025-02-30', '2025-13-01', '9999-12-31', '0000-01-01', '25-01-01'),
);

type Op = { op: string; a: number; b: number; h: number; d: number; at: string | undefined; date: string };
const opOf = (instant: fc.Arbitrary<number>, h: fc.Arbitrary<number>, d: fc.Arbitrary<number>): fc.Arbitrary<Op> =>
  fc.record({
    op: fc.constantFrom(
      'nextWorkingInstant',
      'addWorkingHours',
      'addWorkingDays',
      'endOfWorkingDay',
      'workingMsBetween',
      'workingDaysBetween',
      'localDateOf',
      'isWorkingDay',
      'intervalsOn',
    ),
    a: instant,
    b: instant,
    h,
    d,
    at,
    date: localDateText,
  });
const op = opOf(instantMs, hours, days);
/** On a new calendar every day is worked out afresh: instants of 2024-2027 and short durations keep a case quick. */
const nearOp = opOf(
  instantMs.filter((ms) => ms > Date.parse('2024-01-01T00:00Z') && ms < Date.parse('2028-01-01T00:00Z')),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 20 }),
);

type AnyCalendar = WorkingCalendar | ReferenceWorkingCalendar;
function apply(calendar: AnyCalendar, { op, a, b, h, d, at, date }: Op): unknown {
  return outcome(() => {
    switch (op) {
      case 'nextWorkingInstant':
        return calendar.nextWorkingInstant(new Date(a));
      case 'addWorkingHours':
        return calendar.addWorkingHours(new Date(a), h);
      case 'addWorkingDays':
        return calendar.addWorkingDays(new Date(a), d, at);
      case 'endOfWorkingDay':
        return calendar.endOfWorkingDay(new Date(a));
      case 'workingMsBetween':
        return calendar.workingMsBetween(new Date(a), new Date(b));
      case 'workingDaysBetween':
        return calendar.workingDaysBetween(new Date(a), new Date(b));
      case 'localDateOf':
        return calendar.localDateOf(new Date(a));
      case 'isWorkingDay':
        return calendar.isWorkingDay(date);
      default:
        return calendar.intervalsOn(date).map((i) => [i.start.getTime(), i.end.getTime()]);
    }
  });
}

const POOL = fc.sample(calendarFile, { numRuns: 12, seed: SEED });
const poolCalendars = POOL.map((file) => ({ fast: WorkingCalendar.fromFile(file), reference: ReferenceWorkingCalendar.fromFile(file) }));

describe('fast dates against the former implementation', () => {
  it('when an instant is written out, then formatInstant gives toISOString’s text, or its error (35,000 cases)', () => {
    const ms = fc.oneof(
      instantMs,
      fc.double({ min: -8.7e15, max: 8.7e15 }),
      fc.integer({ min: -1e12, max: 1e12 }).map((n) => n + 0.5),
    );
    fc.assert(
      fc.property(ms, (value) => {
        expect(outcome(() => formatInstant(value))).toEqual(outcome(() => new Date(value).toISOString()));
      }),
      runs(35_000),
    );
  }, 400_000);

  it('when instants are written out again, in any order, then formatInstant’s kept texts give toISOString’s text each time (5,000 lists)', () => {
    // Instants sharing a kept slot (the same minute modulo 1,024 minutes), and ones a fraction of a ms apart.
    const near = fc
      .tuple(instantMs, fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, 0.25, 0.5, 999))
      .map(([base, turns, offset]) => base + turns * 1024 * 60_000 + offset);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(instantMs, near, fc.constantFrom(0, -0, 60_000, 1024 * 60_000)), { minLength: 1, maxLength: 12 }),
        (list) => {
          for (const value of [...list, ...list.toReversed(), ...list])
            expect(outcome(() => formatInstant(value))).toEqual(outcome(() => new Date(value).toISOString()));
        },
      ),
      runs(5_000),
    );
  });

  it('when a date or date-time text is read in a zone, then parseInstant and instantMsOf (its kept readings too) answer as the former one and Date (35,000 cases)', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const text = fc
      .record({
        year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(2025, 2024, 99)),
        month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 13)),
        day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 29, max: 32 }), fc.constantFrom(0)),
        sep: fc.constantFrom('T', 'T', ' ', 't'),
        hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(24, 25)),
        minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(60, 75)),
        second: fc.option(fc.oneof(fc.integer({ min: 0, max: 59 }), fc.constantFrom(60)), { nil: undefined }),
        fraction: fc.option(fc.constantFrom('.0', '.5', '.123', '.999', '.1234', '.'), { nil: undefined }),
        offset: fc.option(fc.constantFrom('Z', 'z', '+08:00', '-05:00', '+05:30', '+0800', '+24:00', '+23:59', '-00:00', '+8:00'), {
          nil: undefined,
        }),
        form: fc.constantFrom('date', 'dateTime', 'dateTime', 'dateTime'),
        space: fc.constantFrom('', '', '', ' '),
      })
      .map(({ year, month, day, sep, hour, minute, second, fraction, offset, form, space }) => {
        const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        if (form === 'date') return `${space}${date}`;
        const time = `${pad(hour, 2)}:${pad(minute, 2)}${second === undefined ? '' : `:${pad(second, 2)}${fraction ?? ''}`}`;
        return `${date}${sep}${time}${offset ?? ''}${space}`;
      });
    const value = fc.oneof(
      { weight: 9, arbitrary: text },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom(null, 7, undefined)) },
    );
    fc.assert(
      fc.property(value, fc.constantFrom(...ZONES), (input, zone) => {
        expect(outcome(() => parseInstant(input, zone))).toEqual(outcome(() => referenceParseInstant(input, zone)));
        // instantMsOf keeps recent texts' instants per zone: read after the texts of every earlier case, and again.
        const expected = outcome(() => referenceParseInstant(input, zone)?.getTime() ?? Number.NaN);
        expect(outcome(() => instantMsOf(input, zoneOffsets(zone)))).toEqual(expected);
        expect(outcome(() => instantMsOf(input, zoneOffsets(zone)))).toEqual(expected);
        if (typeof input === 'string') {
          const fast = readOffsetInstant(input);
          if (fast !== undefined) expect(fast).toBe(new Date(input).getTime());
        }
      }),
      runs(35_000),
    );
  }, 400_000);

  it('when a zone’s offsets, local days and wall times are read, then they are those of tzOffset and the string forms (10,000 cases)', () => {
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 1440 }), (ms, zone, minutes) => {
        fc.pre(!Number.isNaN(ms) && ms >= FIRST_MS && ms <= LAST_MS);
        const offsets = zoneOffsets(zone);
        expect(offsets.at(ms)).toBe(tzOffset(zone, new Date(Math.floor(ms / 900_000) * 900_000)));
        const day = zonedDayOf(offsets, ms);
        expect(formatDay(day)).toBe(zonedLocalDate(zone, ms));
        if (/^\d{4}-/.test(formatDay(day))) {
          expect(parseDay(formatDay(day))).toBe(day);
          expect(zonedInstantOfDay(offsets, day, minutes)).toBe(zonedInstant(zone, formatDay(day), minutes));
        }
      }),
      runs(10_000),
    );
  }, 400_000);

  it('when working time is counted on the default-like calendars of the pool, then the fast calendar answers as the former one (15,000 cases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: POOL.length - 1 }), op, (index, operation) => {
        const { fast, reference } = poolCalendars[index]!;
        expect(apply(fast, operation)).toEqual(apply(reference, operation));
      }),
      runs(15_000),
    );
  }, 400_000);

  it('when working time is counted on a newly generated calendar, then the fast calendar answers as the former one (1,000 cases)', () => {
    fc.assert(
      fc.property(calendarFile, fc.array(nearOp, { minLength: 1, maxLength: 3 }), (file, operations) => {
        const fast = WorkingCalendar.fromFile(file);
        const reference = ReferenceWorkingCalendar.fromFile(file);
        for (const operation of operations) expect(apply(fast, operation)).toEqual(apply(reference, operation));
      }),
      runs(1_000),
    );
  }, 400_000);

  it('when a due time is counted in any unit, then dueTime answers as the former one (10,000 cases)', () => {
    const units: DeadlineUnit[] = ['workingHours', 'workingDays', 'hours', 'days', 'months', 'endOfWorkingDay', 'dayOfNextMonth'];
    const amount = fc.oneof(hours, days, fc.integer({ min: -30, max: 40 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: POOL.length - 1 }),
        instantMs,
        fc.constantFrom(...units),
        amount,
        at,
        (index, start, unit, n, wallAt) => {
          const { fast, reference } = poolCalendars[index]!;
          expect(outcome(() => dueTime(new Date(start), unit, n, fast, wallAt))).toEqual(
            outcome(() => referenceDueTime(new Date(start), unit, n, reference, wallAt)),
          );
        },
      ),
      runs(10_000),
    );
  }, 400_000);
});
