import type { FineEntry } from '../../api/workApi';

/** How a posted fine was set right: the reversal that cancels it and, for a correction, the fine that replaces it. */
export interface FineCorrectionOf {
  reversal: FineEntry;
  replacement: FineEntry | null;
}

/**
 * The corrections among fines read from the ledger, by the id of the fine each corrects (the ledger is
 * append-only: waiving appends a reversal; correcting, a reversal and a replacement, both linking the
 * original by `corrects`). A fine in the map was reversed and cannot be reversed again.
 */
export function fineCorrections(fines: readonly FineEntry[]): Map<string, FineCorrectionOf> {
  const byFine = new Map<string, FineCorrectionOf>();
  for (const f of fines)
    if (f.origin === 'reversal' && f.corrects)
      byFine.set(f.corrects, { reversal: f, replacement: byFine.get(f.corrects)?.replacement ?? null });
  for (const f of fines) {
    const corrected = f.origin === 'correction' && f.corrects ? byFine.get(f.corrects) : undefined;
    if (corrected) corrected.replacement = f;
  }
  return byFine;
}
