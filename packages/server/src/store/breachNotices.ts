import type { BreachItem } from './ports/DeadlinesRepository.js';
import type { Notification } from './types.js';

/**
 * The notices a breach posts: its overdue notices, unless the work was done (late) before the clock
 * saw it: then its fines are due, but nobody is told it is overdue. Both adapters post these.
 */
export function breachNotices({ row, notifications }: Pick<BreachItem, 'row' | 'notifications'>): Notification[] {
  return row.deadline.metAt ? [] : notifications;
}
