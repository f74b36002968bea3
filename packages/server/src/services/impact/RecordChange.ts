import type { LocalizedText } from '@aftersales/engine';

/** A fine as the impact counts it: which rule asked for it, who pays, how much. */
export interface ImpactFine {
  /** `ruleSet/rule` of the rule (or the deadline whose breach posts it). */
  rule: string;
  role: string;
  person: string | null;
  amount: number;
}

/** A deadline's due time and whether it is late: met after it, or still open past it now. */
export interface ImpactDue {
  dueAt: string | null;
  late: boolean;
}

/** What a draft changes on one stored record (before = the published policy, after = the draft, at the same instant). */
export interface RecordChange {
  /** Opaque link target only; people see `title`. */
  id: string;
  formId: string;
  title: LocalizedText;
  createdAt: string;
  store: string | null;
  /** Local month of the record's creation, YYYY-MM (in the form's calendar zone). */
  month: string;
  /** The people the changes fall on (deadline owners, fine payers), else the record's assignee. */
  persons: { role: string | null; person: string }[];
  finesAdded: ImpactFine[];
  finesRemoved: ImpactFine[];
  deadlines: {
    key: string;
    what: LocalizedText;
    rule: string;
    person: string | null;
    role: string | null;
    before: ImpactDue | null;
    after: ImpactDue | null;
  }[];
  approvalsAdded: { approver: string; before: string; rule: string }[];
  approvalsRemoved: { approver: string; before: string; rule: string }[];
  blocksAdded: { message: LocalizedText; rule: string }[];
  blocksRemoved: { message: LocalizedText; rule: string }[];
  amountsChanged: { label: LocalizedText; before: number | null; after: number | null; rule: string }[];
}
