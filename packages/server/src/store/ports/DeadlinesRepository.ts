import type { ComplianceCount, ComplianceFilter, DeadlinePageFilter, KeysetPage } from '../paging.js';
import type { DeadlineMove, DeadlineRow, FineEntry, Notification } from '../types.js';
import type { WorkerStoreSource } from '../workerSource.js';

/** One breach of a batch: the deadline with the fines and notices it posts. */
export interface BreachItem {
  row: DeadlineRow;
  fines: FineEntry[];
  notifications: Notification[];
}

/** Deadlines of records (written by record writes) and what the clock does to them. */
export interface DeadlinesRepository {
  /** Open deadlines due at or before `now` (breach candidates), at most `limit` of them (all when absent), soonest due first. */
  dueDeadlines(now: string, limit?: number): Promise<DeadlineRow[]>;
  /** Open deadlines whose reminder is due and not yet sent, at most `limit`, soonest first. */
  dueReminders(now: string, limit?: number): Promise<DeadlineRow[]>;
  listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }): Promise<DeadlineRow[]>;
  /** Marks a deadline breached and posts its fines and notices; a second call for the same breach changes nothing. */
  recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string): Promise<boolean>;
  markReminded(row: DeadlineRow, notification: Notification): Promise<boolean>;
  /**
   * A batch of breaches in ONE transaction: each deadline still open becomes breached and its fines,
   * notices and audit entry are posted; one already breached (by another instance, or before a
   * restart) is skipped with nothing posted. Returns how many were breached.
   */
  recordBreaches(items: BreachItem[], at: string): Promise<number>;
  /** A batch of reminders in one transaction; a deadline already reminded is skipped. Returns how many were sent. */
  markRemindedBatch(items: { row: DeadlineRow; notification: Notification }[]): Promise<number>;
  /**
   * Where a worker thread of this process can open the store to run a backlog of the clock's batches
   * off the request thread (their commits would otherwise hold it); null when the store's calls do not
   * hold the event loop (a network database).
   */
  clockWorkerSource(): WorkerStoreSource | null;
  /**
   * A batch of open deadlines counted on a calendar and not yet recomputed with `version` (or a later
   * one), by record and key, after `after` ([recordId, key]) when given (the job's cursor: no batch
   * walks past the rows the ones before it have done).
   */
  openDeadlinesOnCalendar(calendarId: string, version: number, limit: number, after?: [string, string]): Promise<DeadlineRow[]>;
  /** A keyset page of the open deadlines counted on a calendar, by record and key, after `after` ([recordId, key]); through an index. */
  pageOpenDeadlinesOnCalendar(calendarId: string, limit: number, after?: [string, string]): Promise<DeadlineRow[]>;
  /**
   * Applies due-time moves computed with calendar `version`, each only while its row is still open,
   * as read (`was`), and below that version; marks them with it. Returns how many rows were written.
   */
  moveDeadlines(moves: DeadlineMove[], version: number): Promise<number>;
  /** A keyset page (store/paging.ts): every filter applied by the database, a total, and whether more follow. */
  pageDeadlines(filter: DeadlinePageFilter): Promise<KeysetPage<DeadlineRow>>;
  /** Dashboards: deadlines met and breached per week and record field value, counted by the database. */
  complianceCounts(filter: ComplianceFilter): Promise<ComplianceCount[]>;
}
