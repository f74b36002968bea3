import type { PolicyInput } from '@aftersales/engine';

/**
 * How one form is replayed: the published policy (before; null for a form the draft adds) and the
 * draft's (after), as plain definitions, so that a worker thread compiles them once. Only the rule
 * sets the draft changes are in them when nothing else changed (the other rule sets give both
 * sides the same outcome: each rule set is evaluated on its own).
 */
export interface ImpactPlan {
  /** Identifies the two policies (a worker keeps them compiled under it). */
  key: string;
  formId: string;
  before: PolicyInput | null;
  after: PolicyInput;
  /** The zone of the form's calendar: local dates and months of the records. */
  timeZone: string;
  /** True when a rule set declares history facts: they are read from the store, on the main thread. */
  needsHistory: boolean;
  /**
   * The record fields the two policies read (`recordFieldsRead`): the replay reads only these of each
   * record. Absent: the whole record (history facts).
   */
  fields?: string[];
}

/** How many plans a worker thread keeps compiled; adding one more forgets them all (the pool mirrors it). */
export const PLANS_KEPT = 8;
