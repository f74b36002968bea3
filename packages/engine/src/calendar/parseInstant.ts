import { MS_PER_DAY, parseDay, readClock, readDay, readMillis, readOffset } from './civilDay.js';
import { parseLocalDate } from './localDate.js';
import { zonedInstant, zonedInstantOfDay } from './zonedTime.js';
import { zoneOffsets, type ZoneOffsets } from './zoneOffsets.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a record's date or date-time value as an instant: a date is local midnight in the
 * calendar's zone, a date-time without offset is local wall time there. Anything else: null.
 */
export function parseInstant(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const ms = instantOfText(value, zoneOffsets(timeZone));
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** `parseInstant` as epoch ms, NaN for none, without a `Date` (the zone given by its offsets). */
export function instantMsOf(value: unknown, zone: ZoneOffsets): number {
  if (typeof value === 'string') return zone.readings.instantOf(value, instantOfText);
  return value instanceof Date ? value.getTime() : Number.NaN;
}

function instantOfText(value: string, zone: ZoneOffsets): number {
  return readLocalInstant(value, zone) ?? readOffsetInstant(value) ?? slowInstantOf(value, zone.timeZone);
}

/**
 * The common forms without a regular expression: "YYYY-MM-DD", "YYYY-MM-DD[T ]HH:mm[:ss]" as wall
 * time in the zone. Undefined for anything else (then the general reading below decides).
 */
function readLocalInstant(text: string, zone: ZoneOffsets): number | undefined {
  const length = text.length;
  if (length === 10) {
    const day = parseDay(text);
    return Number.isNaN(day) ? undefined : zonedInstantOfDay(zone, day, 0);
  }
  if (length !== 16 && length !== 19) return undefined;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return undefined;
  const day = readDay(text, 0);
  const clock = readClock(text, 11, length === 19);
  if (Number.isNaN(day) || Number.isNaN(clock)) return undefined;
  const seconds = clock % 60_000;
  return zonedInstantOfDay(zone, day, (clock - seconds) / 60_000) + seconds;
}

/**
 * `new Date(text)` of an ISO date-time with an offset, without a regular expression or `Date`:
 * "YYYY-MM-DDTHH:mm[:ss[.sss]]" then "Z" or "+HH:MM"/"-HH:MM", of an existing date and time.
 * Undefined for anything else (the caller then asks `Date`).
 */
export function readOffsetInstant(text: string): number | undefined {
  const length = text.length;
  if (length < 17 || length > 29 || text.charCodeAt(10) !== 84) return undefined;
  const day = readDay(text, 0);
  let at = 16;
  const seconds = text.charCodeAt(at) === 58;
  let clock = readClock(text, 11, seconds);
  if (seconds) at = 19;
  if (seconds && text.charCodeAt(at) === 46) {
    clock += readMillis(text, at + 1);
    at += 4;
  }
  let offset = Number.NaN;
  if (text.charCodeAt(at) === 90) offset = length === at + 1 ? 0 : Number.NaN;
  else if (length === at + 6) offset = readOffset(text, at);
  const ms = day * MS_PER_DAY + clock - offset * 60_000;
  return Number.isNaN(ms) ? undefined : ms;
}

/** The general reading (regular expressions and `Date`): epoch ms, NaN for none. */
function slowInstantOf(value: string, timeZone: string): number {
  const text = value.trim();
  if (WITH_OFFSET.test(text)) return new Date(text).getTime();
  const match = DATE_ONLY.exec(text) ?? LOCAL_DATE_TIME.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = `${y}-${mo}-${d}`;
  const [hours, minutes, seconds] = [Number(h), Number(mi), Number(s)];
  // Overflowed dates such as 2025-02-30 and times such as 24:00 or 10:75 are not instants.
  if (hours > 23 || minutes > 59 || seconds > 59) return Number.NaN;
  try {
    parseLocalDate(date);
  } catch {
    return Number.NaN;
  }
  return zonedInstant(timeZone, date, hours * 60 + minutes) + seconds * 1000;
}
