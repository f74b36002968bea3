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
