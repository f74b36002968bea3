import { zonedInstantOf, zonedWallClock } from './zonedTime.js';

/** What a clock on the wall of a time zone shows, to the minute (month 1-12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What a clock in `timeZone` shows at an instant (an ISO text or epoch ms); null for what is no time. */
export function wallClockAt(instant: string | number, timeZone: string): WallClock | null {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const wall = zonedWallClock(timeZone, ms);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

/**
 * The instant (ISO, UTC) at which a clock in `timeZone` shows `wall`: a time typed or picked for a
 * store is the store's, wherever the browser is. A time a DST change skips maps as `zonedInstant`
 * maps it. Throws a RangeError beyond the years 0000-9999.
 */
export function instantAtWallClock(wall: WallClock, timeZone: string): string {
  return new Date(zonedInstantOf(timeZone, wall.year, wall.month - 1, wall.day, wall.hour * 60 + wall.minute)).toISOString();
}
