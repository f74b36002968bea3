import { withMetAt } from './metLate.js';
import type { DeadlineRow } from './types.js';

type Deadline = DeadlineRow['deadline'];

/**
 * What a record write does to the record's stored deadlines, given its breached ones (key -> the
 * deadline as the clock breached it) and the deadlines the write's evaluation computed. Both store
 * adapters use it, in the write's transaction, after deleting the record's deadlines that are not
 * breached:
 *
 * - a breach stays breached as the clock recorded it (its fines were posted once); only when the
 *   work was done (late) is added or taken back (`withMetAt`), so it stops or starts counting again;
 * - every other deadline is replaced by the one the write computed (`insert`).
 */
export function rewriteDeadlines(
  breached: ReadonlyMap<string, Deadline>,
  computed: readonly DeadlineRow[],
): { insert: DeadlineRow[]; metAtUpdates: { key: string; deadline: Deadline }[] } {
  const insert: DeadlineRow[] = [];
  const metAtUpdates: { key: string; deadline: Deadline }[] = [];
  for (const d of computed) {
    const breach = breached.get(d.key);
    if (!breach) insert.push(d);
    else if (breach.metAt !== d.deadline.metAt) metAtUpdates.push({ key: d.key, deadline: withMetAt(breach, d.deadline.metAt) });
  }
  return { insert, metAtUpdates };
}
