import type { DeadlineRow } from './types.js';

type Deadline = DeadlineRow['deadline'];

/**
 * A breached deadline once the work is done: the breach stays as recorded, with when it was met
 * and by how much it was late then (no longer growing with the clock). Without `metAt` (the
 * completion field emptied again) it counts again.
 */
export function withMetAt(deadline: Deadline, metAt: string | null): Deadline {
  if (metAt === null) return { ...deadline, metAt: null };
  const late = deadline.dueAt === null ? 0 : Math.max(0, Date.parse(metAt) - Date.parse(deadline.dueAt));
  return { ...deadline, metAt, overdueMs: late };
}
