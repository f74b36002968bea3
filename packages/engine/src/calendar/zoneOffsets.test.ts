// ZoneOffsets keeps one offset per day where a day starts and ends with the same one. These zones
// change their offsets in the odd ways the tz database knows: every quarter hour of the years around
// their changes must read as Intl (`tzOffset`) reads it, in order and out of order.
import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZoneOffsets } from './zoneOffsets.js';

const QUARTER_HOUR = 900_000;

const ODD_ZONES = [
  // DST of half an hour.
  { zone: 'Australia/Lord_Howe', from: '2024-01-01', to: '2026-01-01' },
  // DST suspended for Ramadan, a month each year, then back.
  { zone: 'Africa/Casablanca', from: '2018-06-01', to: '2026-01-01' },
  // The day skipped when Samoa crossed the date line (2011-12-30), then its DST until 2021.
  { zone: 'Pacific/Apia', from: '2011-06-01', to: '2021-06-01' },
  // DST of two hours.
  { zone: 'Antarctica/Troll', from: '2024-01-01', to: '2026-01-01' },
  // Southern DST, ended in 2019.
  { zone: 'America/Sao_Paulo', from: '2017-01-01', to: '2020-01-01' },
  // Negative DST in the tz database (winter is the "daylight" time).
  { zone: 'Europe/Dublin', from: '2024-01-01', to: '2026-01-01' },
  // Offsets of 45 minutes, one with DST.
  { zone: 'Pacific/Chatham', from: '2024-01-01', to: '2026-01-01' },
  { zone: 'Asia/Kathmandu', from: '2024-01-01', to: '2025-01-01' },
] as const;

const expected = (zone: string, ms: number) => tzOffset(zone, new Date(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR));

describe('ZoneOffsets', () => {
  it.each(ODD_ZONES)(
    'when every quarter hour of $zone from $from to $to is read in order, then each reads as Intl reads it',
    ({ zone, from, to }) => {
      const offsets = new ZoneOffsets(zone);
      const differences: string[] = [];
      for (let ms = Date.parse(`${from}T00:00:00Z`); ms < Date.parse(`${to}T00:00:00Z`); ms += QUARTER_HOUR) {
        // Inside the quarter hour, where a day's offset is read for any instant of it.
        const at = ms + 7 * 60_000 + 30_000;
        if (offsets.at(at) !== expected(zone, at)) differences.push(new Date(at).toISOString());
      }
      expect(differences.slice(0, 5)).toEqual([]);
    },
    120_000,
  );

  it('when instants of the odd zones are read out of order, then each reads as Intl reads it (5,000 cases)', () => {
    const offsets = new Map(ODD_ZONES.map(({ zone }) => [zone, new ZoneOffsets(zone)]));
    const instant = fc
      .constantFrom(...ODD_ZONES)
      .chain(({ zone, from, to }) => fc.tuple(fc.constant(zone), fc.integer({ min: Date.parse(from), max: Date.parse(to) })));
    fc.assert(
      fc.property(instant, ([zone, ms]) => {
        expect(offsets.get(zone)!.at(ms)).toBe(expected(zone, ms));
      }),
      { numRuns: 5_000 },
    );
  });

  it('when the zone is unknown or the instant is not valid, then the offset is NaN', () => {
    expect(new ZoneOffsets('Mars/Olympus_Mons').at(Date.parse('2025-01-01T00:00:00Z'))).toBeNaN();
    expect(new ZoneOffsets('Asia/Shanghai').at(Number.NaN)).toBeNaN();
    expect(new ZoneOffsets('Asia/Shanghai').at(8.64e15 + QUARTER_HOUR)).toBeNaN();
  });
});
