// The former implementation, kept unchanged as the oracle of the differential tests of the fast one
// (`fastDates.differential.test.ts`); nothing in the engine runs it.
import { parseLocalDate } from '../localDate.js';
import { zonedInstant } from '../zonedTime.js';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a record's date or date-time value as an instant: a date is local midnight in the
 * calendar's zone, a date-time without offset is local wall time there. Anything else: null.
 */
export function referenceParseInstant(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const match = DATE_ONLY.exec(text) ?? LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = `${y}-${mo}-${d}`;
  const [hours, minutes, seconds] = [Number(h), Number(mi), Number(s)];
  // Overflowed dates such as 2025-02-30 and times such as 24:00 or 10:75 are not instants.
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  try {
    parseLocalDate(date);
  } catch {
    return null;
  }
  return new Date(zonedInstant(timeZone, date, hours * 60 + minutes) + seconds * 1000);
}
