import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { Expr } from '../expr/Expr.js';

/** Who a fine, approval or notice is for: a policy role id, and optionally the record field naming the person. */
export interface Party {
  role: string;
  /** Field holding the person's name (e.g. "technician"). */
  personField?: string;
}

export interface FineParams {
  payer: Party;
  amount: Expr;
  currency?: 'CNY';
  reason: LocalizedText;
}

export type DeadlineUnit =
  | 'workingHours'
  | 'workingDays'
  | 'hours'
  | 'days'
  | 'months'
  /** Close of the working day (on the calendar) of the start, `amount` minutes before it. */
  | 'endOfWorkingDay'
  /** Day `amount` of the month after the start, at `at` (e.g. the 5th, 17:00). */
  | 'dayOfNextMonth';

export interface DeadlineParams {
  /** Stable key of the deadline within the record, e.g. "arrival". */
  key: string;
  what: LocalizedText;
  /** date-time (or date) field the limit runs from. */
  from: string;
  limit: { unit: DeadlineUnit; amount: Expr; at?: string };
  /** Calendar for working units; default the rule set's calendar. */
  calendar?: string;
  /** Field whose value (a date-time) is the moment the deadline was met. */
  metBy?: string;
  /** Reminder this many minutes before due. */
  remindMinutesBefore?: number;
  /** Who is reminded and told of a breach. */
  owner?: Party;
  /** Fines posted when the deadline is breached. */
  onBreach?: { fines?: FineParams[] };
}

export interface ApprovalParams {
  approver: string;
  /** Status the record may not enter before approval. */
  before: string;
  reason: LocalizedText;
}

export interface AmountParams {
  /** Key of the computed value, e.g. "deposit". */
  name: string;
  label: LocalizedText;
  value: Expr;
  unit?: 'CNY' | 'percent' | 'count' | 'hours' | 'days';
}

export interface BlockParams {
  message: LocalizedText;
  /** Blocks only the move into this status; without it the record cannot be saved. */
  before?: string;
}

export interface NotifyParams {
  to: Party;
  message: LocalizedText;
}

export type OutcomeEvent =
  | { type: 'fine'; params: FineParams }
  | { type: 'deadline'; params: DeadlineParams }
  | { type: 'approval'; params: ApprovalParams }
  | { type: 'amount'; params: AmountParams }
  | { type: 'block'; params: BlockParams }
  | { type: 'notify'; params: NotifyParams };

export type OutcomeType = OutcomeEvent['type'];

export const OUTCOME_TYPES: readonly OutcomeType[] = ['fine', 'deadline', 'approval', 'amount', 'block', 'notify'];
