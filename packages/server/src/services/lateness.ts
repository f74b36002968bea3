import type { DeadlineRow } from '../store/types.js';

/**
 * How late a deadline is, in milliseconds: until it is met, from its due time to `now`; once met,
 * from its due time to when it was met (the clock stops then). 0 when not late or without a due time.
 */
export function lateMs(row: Pick<DeadlineRow, 'dueAt' | 'deadline'>, now: Date): number {
  if (row.dueAt === null) return 0;
  const end = row.deadline.metAt ? Date.parse(row.deadline.metAt) : now.getTime();
  return Math.max(0, end - Date.parse(row.dueAt));
}
