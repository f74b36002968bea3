import { wallClockAt } from '@aftersales/engine';
import { STORE_ZONE } from '../format';

const pad = (n: number) => String(n).padStart(2, '0');

/** The day a moment falls on by the store's clock, kept as a date is (YYYY-MM-DD): not the browser's day, nor UTC's. */
export function storeDay(at: Date | number, timeZone = STORE_ZONE): string {
  const wall = wallClockAt(typeof at === 'number' ? at : at.getTime(), timeZone);
  if (wall === null) throw new RangeError('no such moment');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}
