import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { RuleExplanation } from '../explain/Explanation.js';
import type { Outcome } from '../outcome/Outcome.js';
import type { RecordError } from '../validation/compileRecordSchema.js';

/** What the engine says about one record at one moment. */
export interface Evaluation {
  form: { id: string; version: number };
  ruleSets: { id: string; version: number }[];
  evaluatedAt: string;
  valid: boolean;
  errors: RecordError[];
  outcome: Outcome;
  explanation: RuleExplanation[];
  warnings: LocalizedText[];
}

export interface EvaluationContext {
  /** The moment of evaluation; the engine never reads the system clock. */
  now: Date | string;
  /** The record's status; default the form's initial status. */
  status?: string;
  /** History fact values, by rule set id, then fact name. */
  history?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}
