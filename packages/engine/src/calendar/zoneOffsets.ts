import { tzOffset } from '@date-fns/tz';
import { InstantReadings } from './instantReadings.js';

/** Offsets change only on whole quarter hours (in every zone of the tz database). */
const BUCKET_MS = 15 * 60_000;
const SLOTS = 1 << 12;

/**
 * A time zone's UTC offsets in minutes, memoized per quarter hour (Intl, behind `tzOffset`, is
 * slow) in a fixed table of 4,096 slots: a record's dates and a calendar walk stay in few of them.
 */
export class ZoneOffsets {
  // Direct-mapped by quarter hour: a slot holds one quarter hour's offset, a newer one replaces it.
  private readonly buckets = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly offsets = new Float64Array(SLOTS);

  /** Texts recently read as instants in this zone (`instantMsOf`). */
  readonly readings = new InstantReadings(this);

  constructor(readonly timeZone: string) {}

  /** The offset in minutes at an instant (epoch ms); NaN for an unknown zone or an invalid instant. */
  at(instant: number): number {
    const bucket = Math.floor(instant / BUCKET_MS);
    const slot = bucket & (SLOTS - 1);
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
