import { zonedLocalDate } from '@aftersales/engine';
import { STORE_ZONE } from '../format';

/** The day a moment falls on by the store's clock, kept as a date is (YYYY-MM-DD): not the browser's day, nor UTC's. */
export function storeDay(at: Date | number, timeZone = STORE_ZONE): string {
  return zonedLocalDate(timeZone, typeof at === 'number' ? at : at.getTime());
}
