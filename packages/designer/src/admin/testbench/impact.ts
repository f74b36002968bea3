import type { OutcomeChange } from '@aftersales/engine';

export interface RecordImpact {
  recordId: string;
  /** How people name the record (its title fields, else when it was made), never its id. */
  title?: string;
  change: OutcomeChange;
}

export interface ImpactSummary {
  /** Only the records the draft changes. */
  records: RecordImpact[];
  changedRecords: number;
  finesAdded: number;
  finesRemoved: number;
  /** Fines after minus before, over all records, yuan. */
  fineDelta: number;
  deadlinesMoved: number;
  approvalsAdded: number;
}

/** Adds up the engine's per-record comparisons (compareOutcomes) for the impact preview. */
export function summarizeImpact(records: RecordImpact[]): ImpactSummary {
  const changed = records.filter((r) => r.change.changed);
  const sum = (pick: (c: OutcomeChange) => number) => changed.reduce((n, r) => n + pick(r.change), 0);
  return {
    records: changed,
    changedRecords: changed.length,
    finesAdded: sum((c) => c.finesAdded.length),
    finesRemoved: sum((c) => c.finesRemoved.length),
    fineDelta: Math.round(sum((c) => c.fineTotalDelta) * 100) / 100,
    deadlinesMoved: sum((c) => c.deadlinesMoved.length),
    approvalsAdded: sum((c) => c.approvalsAdded.length),
  };
}
