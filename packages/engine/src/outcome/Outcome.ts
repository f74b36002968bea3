import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { Party } from './OutcomeEvent.js';

/** Which rule produced an outcome. */
export interface OutcomeSource {
  ruleSet: string;
  version: number;
  rule: string;
  catalog: string[];
}

export interface Fine {
  source: OutcomeSource;
  payer: Party & { person?: string };
  amount: number;
  currency: 'CNY';
  reason: LocalizedText;
}

export type DeadlineState = 'open' | 'met' | 'breached';

export interface Deadline {
  source: OutcomeSource;
  key: string;
  what: LocalizedText;
  /** Limit in words, e.g. 6 working hours. */
  limit: { unit: string; amount: number; at?: string };
  calendar: string;
  startedAt: string | null;
  dueAt: string | null;
  metAt: string | null;
  state: DeadlineState;
  /** Milliseconds past due (breached), else 0. */
  overdueMs: number;
  remindAt: string | null;
  owner?: Party & { person?: string };
  breachFines: Omit<Fine, 'source'>[];
}

export interface Approval {
  source: OutcomeSource;
  approver: string;
  before: string;
  reason: LocalizedText;
}

export interface ComputedAmount {
  source: OutcomeSource;
  name: string;
  label: LocalizedText;
  value: number;
  unit?: string;
}

export interface Block {
  source: OutcomeSource;
  message: LocalizedText;
  before?: string;
}

export interface Notice {
  source: OutcomeSource;
  to: Party & { person?: string };
  message: LocalizedText;
}

/** Everything the policy says about one record at one moment. */
export interface Outcome {
  deadlines: Deadline[];
  fines: Fine[];
  approvals: Approval[];
  amounts: ComputedAmount[];
  blocks: Block[];
  notices: Notice[];
}
