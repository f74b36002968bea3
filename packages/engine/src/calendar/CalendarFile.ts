import type { LocalizedText } from '../i18n/LocalizedText.js';

/** Local wall-clock time, "HH:mm" (00:00-24:00). */
export type WallTime = string;
/** A working interval within one local day, start < end. */
export type WorkingInterval = [start: WallTime, end: WallTime];
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A dated exception: a public holiday (no work) or a make-up working day (调休 上班). */
export interface CalendarDay {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  name: LocalizedText;
  /** Make-up working days only: the hours worked; default the calendar's `makeUpHours`. */
  hours?: WorkingInterval[];
}

/** A working calendar file (`rules/calendars/*.calendar.json`). */
export interface CalendarFile {
  $schema?: string;
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** IANA time zone, default "Asia/Shanghai". */
  timeZone?: string;
  /** Working intervals per weekday; an empty list or a missing day is a day off. */
  week: Partial<Record<Weekday, WorkingInterval[]>>;
  /** Hours of a make-up working day that names none; default the Monday schedule. */
  makeUpHours?: WorkingInterval[];
  /**
   * Official days off. Weekend days inside a break may be listed too, so that the file reads like
   * the notice; a date listed here has no working time even if also listed in `workdays`.
   */
  holidays?: CalendarDay[];
  /** Make-up working days (usually a Saturday or Sunday moved by the State Council notice). */
  workdays?: CalendarDay[];
}
