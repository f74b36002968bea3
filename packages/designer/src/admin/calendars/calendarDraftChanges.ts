import { deepEquals } from '@rjsf/utils';
import type { CalendarDay, CalendarFile } from '@aftersales/engine';

/** How a draft's holiday differs from the published calendar: a new day off, one dropped, or one renamed (or given other hours). */
export type DayChange = 'added' | 'removed' | 'changed';

/** One holiday the calendar page lists: as the draft has it (a removed one as published), marked when the draft changes it. */
export interface HolidayRow {
  day: CalendarDay;
  change?: DayChange;
  /** A changed day as it is published (in force until the draft is). */
  was?: CalendarDay;
}

export interface CalendarDraftChanges {
  /** The draft's holidays and the published ones it removes, newest date first. */
  holidays: HolidayRow[];
  counts: Record<DayChange, number>;
  /** The draft changes more than holidays (working hours, make-up working days, zone): the page does not list those. */
  elsewhere: boolean;
}

/** What else decides working time, besides the holidays the page lists. */
const rest = (c: CalendarFile) => [c.timeZone, c.week, c.makeUpHours, c.workdays];

/**
 * What a calendar's draft changes against its published version: each holiday added, removed or
 * renamed, which are not in force until the draft is published. No published version: every
 * holiday of the draft is new.
 */
export function calendarDraftChanges(draft: CalendarFile, published: CalendarFile | null): CalendarDraftChanges {
  const before = new Map((published?.holidays ?? []).map((d) => [d.date, d]));
  const after = new Map((draft.holidays ?? []).map((d) => [d.date, d]));
  const rows: HolidayRow[] = [];
  for (const day of after.values()) {
    const was = before.get(day.date);
    if (!was) rows.push({ day, change: 'added' });
    else if (!deepEquals(was, day)) rows.push({ day, change: 'changed', was });
    else rows.push({ day });
  }
  for (const day of before.values()) if (!after.has(day.date)) rows.push({ day, change: 'removed' });
  rows.sort((a, b) => b.day.date.localeCompare(a.day.date));
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const row of rows) if (row.change) counts[row.change] += 1;
  return { holidays: rows, counts, elsewhere: published !== null && !deepEquals(rest(draft), rest(published)) };
}
