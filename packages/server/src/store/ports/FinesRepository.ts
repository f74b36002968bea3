import type { FineEntry } from '../types.js';

/** The append-only fines ledger (fines are posted by record writes and breaches; corrections append). */
export interface FinesRepository {
  getFine(id: string): Promise<FineEntry | null>;
  /**
   * Appends a reversal of a posted fine (and, for a correction, the fine replacing it) with one audit
   * entry, all or nothing. False when that fine was reversed before (nothing is written).
   */
  reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string): Promise<boolean>;
  listFines(filter: { person?: string; month?: string; formId?: string }): Promise<FineEntry[]>;
}
