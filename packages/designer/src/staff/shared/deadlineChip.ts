/** The four chips of a deadline, as staff read them; `none` when it has no due time yet. */
export type ChipState = 'met' | 'overdue' | 'dueSoon' | 'onTime' | 'none';

/** Without a reminder time, a deadline is "due soon" in its last two hours. */
export const DUE_SOON_MS = 2 * 3_600_000;

/**
 * The chip of a deadline row at `now` (the server's clock, so that a moved test clock and the
 * overdue board agree): met and breached as the clock recorded them; an open one past its due
 * time is overdue even before the next tick; due soon from its reminder time.
 */
export function chipOf(row: { state: 'open' | 'met' | 'breached'; dueAt: string | null; remindAt: string | null }, now: string): ChipState {
  if (row.state === 'met') return 'met';
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
  for (const chip of ['overdue', 'dueSoon', 'onTime', 'met'] as const) if (chips.includes(chip)) return chip;
  return 'none';
}
