import type { CappedPage, FineFilter, FinePageFilter, FineTotalLine } from '../paging.js';
import type { FineEntry } from '../types.js';

/** The append-only fines ledger (fines are posted by record writes and breaches; corrections append). */
export interface FinesRepository {
  getFine(id: string): Promise<FineEntry | null>;
  /**
   * Appends a reversal of a posted fine (and, for a correction, the fine replacing it) with one audit
   * entry, all or nothing. False when that fine was reversed before (nothing is written).
   */
  reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string): Promise<boolean>;
  /** Every fine of the filter, newest first (the ledger export). */
  listFines(filter: FineFilter): Promise<FineEntry[]>;
  /** A keyset page of the ledger, newest first, its total counted up to a cap. */
  pageFines(filter: FinePageFilter): Promise<CappedPage<FineEntry>>;
  /** The ledger's totals per month (China time), person and role, computed by the database. */
  fineTotals(filter: FineFilter): Promise<{ lines: FineTotalLine[]; total: number }>;
}
