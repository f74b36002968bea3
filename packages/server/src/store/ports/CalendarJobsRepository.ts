import type { CalendarJob } from '../types.js';

/** The background recompute jobs of open deadlines after a calendar publish (one per calendar version, with a lease). */
export interface CalendarJobsRepository {
  calendarJob(calendarId: string, version: number): Promise<CalendarJob | null>;
  /**
   * Starts the recompute job of a calendar version for `holder`, or lets it go on: true when the job
   * is new, already held by `holder`, or its lease ran out (a stopped instance); false when it is
   * done or another holder's lease runs.
   */
  claimCalendarJob(calendarId: string, version: number, holder: string, at: string, leaseUntil: string): Promise<boolean>;
  /** Marks the job done with its counts and one audit entry; false (nothing written) when it was done before. */
  finishCalendarJob(calendarId: string, version: number, counts: NonNullable<CalendarJob['counts']>, at: string): Promise<boolean>;
}
