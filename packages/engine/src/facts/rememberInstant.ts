import { parseInstant } from '../calendar/parseInstant.js';

const remembered = new Map<string, number>();
const LIMIT = 10_000;

/**
 * `parseInstant`, remembered per zone and text: a date or local date-time becomes an instant
 * through time-zone rules, which costs more than the rest of an evaluation, and the records of a
 * store share their dates. A pure function of its inputs, so the answer is the same; each call
 * gets a Date of its own.
 */
export function rememberInstant(value: unknown, timeZone: string): Date | null {
  if (typeof value !== 'string') return parseInstant(value, timeZone);
  const key = `${timeZone}\n${value}`;
  let time = remembered.get(key);
  if (time === undefined) {
    if (remembered.size >= LIMIT) remembered.clear();
    time = parseInstant(value, timeZone)?.getTime() ?? Number.NaN;
    remembered.set(key, time);
  }
  return Number.isNaN(time) ? null : new Date(time);
}
