import { tzOffset } from '@date-fns/tz';
import { InstantReadings } from './instantReadings.js';

const MS_PER_DAY = 86_400_000;
/** Offsets change only on whole quarter hours (in every zone of the tz database). */
const BUCKET_MS = 15 * 60_000;
/** Eleven years of days, and six weeks of quarter hours. */
const DAY_SLOTS = 1 << 12;
const BUCKET_SLOTS = 1 << 12;

/**
 * A time zone's UTC offsets in minutes (Intl, behind `tzOffset`, is slow: a microsecond or more a
 * call), kept in two direct-mapped tables of 4,096 slots:
 * - per UTC day, the day's offset when it starts and ends with the same one (almost every day of
 *   every zone), so a quarter's records ask Intl about a hundred times, not once per record;
 * - per quarter hour, on a day whose offset changes (a DST change), as before.
 * A day that starts and ends with the same offset is taken to keep it throughout: no zone of the tz
 * database changes its offset and back within one day (Temporal's JavaScript polyfills look for
 * changes in steps of two to three weeks). `zoneOffsets.test.ts` checks zones with odd changes
 * (half-hour DST, Ramadan breaks, a skipped day) quarter hour by quarter hour.
 */
export class ZoneOffsets {
  // Direct-mapped by day number: a slot holds one day's offset (NaN: it changes that day).
  private readonly days = new Float64Array(DAY_SLOTS).fill(Number.NaN);
  private readonly dayOffsets = new Float64Array(DAY_SLOTS);
  // Direct-mapped by quarter hour: a slot holds one quarter hour's offset, a newer one replaces it.
  private readonly buckets = new Float64Array(BUCKET_SLOTS).fill(Number.NaN);
  private readonly offsets = new Float64Array(BUCKET_SLOTS);

  /** Texts recently read as instants in this zone (`instantMsOf`). */
  readonly readings = new InstantReadings(this);

  constructor(readonly timeZone: string) {}

  /** The offset in minutes at an instant (epoch ms); NaN for an unknown zone or an invalid instant. */
  at(instant: number): number {
    const day = Math.floor(instant / MS_PER_DAY);
    const slot = day & (DAY_SLOTS - 1);
    let offset: number;
    if (this.days[slot] === day) offset = this.dayOffsets[slot]!;
    else {
      const start = tzOffset(this.timeZone, new Date(day * MS_PER_DAY));
      offset = start === tzOffset(this.timeZone, new Date((day + 1) * MS_PER_DAY)) ? start : Number.NaN;
      this.days[slot] = day;
      this.dayOffsets[slot] = offset;
    }
    // NaN: the offset changes that day (or the zone or the instant is not valid).
    return offset === offset ? offset : this.quarterHourOffset(instant);
  }

  private quarterHourOffset(instant: number): number {
    const bucket = Math.floor(instant / BUCKET_MS);
    const slot = bucket & (BUCKET_SLOTS - 1);
    if (this.buckets[slot] === bucket) return this.offsets[slot]!;
    const offset = tzOffset(this.timeZone, new Date(bucket * BUCKET_MS));
    this.buckets[slot] = bucket;
    this.offsets[slot] = offset;
    return offset;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The shared offsets of a time zone. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (zones.size >= 200) zones.clear();
    zones.set(timeZone, (zone = new ZoneOffsets(timeZone)));
  }
  return zone;
}
