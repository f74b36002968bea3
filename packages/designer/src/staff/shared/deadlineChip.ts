/** The chips of a deadline, as staff read them; `none` when it has no due time yet. */
export type ChipState = 'met' | 'metLate' | 'overdue' | 'dueSoon' | 'onTime' | 'none';

/** Without a reminder time, a deadline is "due soon" in its last two hours. */
export const DUE_SOON_MS = 2 * 3_600_000;

/**
 * The chip of a deadline row at `now` (the server's clock, so that a moved test clock and the
 * overdue board agree): met and breached as the clock recorded them, but one met after its due
 * time is "met late" (no longer overdue); an open one past its due time is overdue even before the
 * next tick; due soon from its reminder time.
 */
export function chipOf(
  row: { state: 'open' | 'met' | 'breached'; dueAt: string | null; remindAt: string | null; deadline?: { metAt: string | null } },
  now: string,
): ChipState {
  if (row.state === 'met') return 'met';
  // Done, but after the due time: the clock stopped when it was met.
  const metAt = row.deadline?.metAt;
  if (metAt) return row.dueAt && Date.parse(metAt) > Date.parse(row.dueAt) ? 'metLate' : 'met';
  if (row.state === 'breached') return 'overdue';
  if (!row.dueAt) return 'none';
  const at = Date.parse(now);
  const due = Date.parse(row.dueAt);
  if (at >= due) return 'overdue';
  const soon = row.remindAt ? Date.parse(row.remindAt) : due - DUE_SOON_MS;
  return at >= soon ? 'dueSoon' : 'onTime';
}

/** The worst chip of a record's deadlines, for sorting and one-glance lists. */
export function worstChip(chips: ChipState[]): ChipState {
  for (const chip of ['overdue', 'dueSoon', 'onTime', 'metLate', 'met'] as const) if (chips.includes(chip)) return chip;
  return 'none';
}

/** How late a deadline is at `now`: to its met time once met (it stops counting), else to now; 0 when not late. */
export function lateMsOf(row: { dueAt: string | null; deadline?: { metAt: string | null } }, now: string): number {
  if (!row.dueAt) return 0;
  const end = row.deadline?.metAt ? Date.parse(row.deadline.metAt) : Date.parse(now);
  return Math.max(0, end - Date.parse(row.dueAt));
}
