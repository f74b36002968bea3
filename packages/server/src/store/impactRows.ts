import type { WorkerStoreSource } from './workerSource.js';
import type { Visibility } from './paging.js';

/**
 * What an impact replay reads of a stored record: enough to evaluate it again and to say whose and
 * which it is, never the stored evaluation. `data` stays JSON text (it goes to a worker as is).
 */
export interface ImpactRow {
  id: string;
  formId: string;
  status: string | null;
  store: string | null;
  assignee: string | null;
  createdBy: string;
  createdAt: string;
  /** When the record was last evaluated (its last write: every write evaluates it). */
  evaluatedAt: string;
  /** The record's data as JSON text. */
  data: string;
}

/** The records of one form created in a window, within a store scope, newest first, a keyset page at a time. */
export interface ImpactRowFilter {
  formId: string;
  /** Created at or after (ISO instant); absent: from the first record. */
  createdFrom?: string;
  /** Created before (ISO instant). */
  createdTo: string;
  /** Only records this user may see (null: every record). */
  visibleTo: Visibility | null;
  limit: number;
  /** [createdAt, id] of the last row of the previous page. */
  after?: [string, string];
  /**
   * Only these top-level fields of each record's data (`data` then holds just them, a missing one
   * as null or absent); absent: the whole data.
   */
  fields?: readonly string[];
}

/** One part of an impact window in its order (newest first): the rows after `after` (exclusive) down to `last` (inclusive). */
export interface ImpactPart {
  after?: [string, string];
  last?: [string, string];
}

/** An impact window cut into parts of about the same number of rows, for worker threads that read them themselves. */
export interface ImpactPartition {
  /** Where the worker threads read the rows themselves (the embedded store, opened read-only beside the writer). */
  source: WorkerStoreSource;
  parts: ImpactPart[];
}

/** What a worker reads of one part: the window, scope and fields of the replay, and the part's bounds. */
export type ImpactPartFilter = Omit<ImpactRowFilter, 'limit' | 'after'> & { part: ImpactPart };

/** A row of a part as the replay takes it: its data parsed (only the fields asked for, a missing one absent). */
export type ImpactPartRow = Omit<ImpactRow, 'data' | 'createdBy'> & { data: Record<string, unknown> };
