import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { OutcomeEvent } from '../outcome/OutcomeEvent.js';
import type { TableCell } from './TableCell.js';

/**
 * How rows combine, as in DMN: `first` = the first matching row in row order wins (stored as plain
 * rules, each later row guarded by "and no earlier overlapping row matched"); `collect` = every
 * matching row fires.
 */
export type HitPolicy = 'first' | 'collect';

/** The small annotation a rule set file keeps for a table: which rules are its rows, in order. */
export interface TableAnnotation {
  id: string;
  title: LocalizedText;
  hitPolicy: HitPolicy;
  /** Names of the rules that are the table's rows, in row order. */
  rules: string[];
}

/** An input column: a fact (form field or declared fact), with an optional plain path into it. */
export interface TableInput {
  fact: string;
  path?: string;
}

export type OutputKind = 'number' | 'percent' | 'text' | 'role' | 'choice';

/** An output column: a value inside the outcome's params that rows set. */
export interface TableOutput {
  /** Path inside `event.params`, e.g. ["limit", "amount"] or ["amount", "round", "mul", 1]. */
  path: (string | number)[];
  kind: OutputKind;
  /** For `choice`: the allowed values (e.g. deadline units); for `percent`: the fact it is a percent of. */
  choices?: string[];
  percentOf?: string;
}

export interface TableRow {
  /** The rule's name (stable id of the row). */
  name: string;
  title: LocalizedText;
  description?: LocalizedText;
  catalog?: string[];
  enabled?: boolean;
  /** One cell per input column. */
  cells: TableCell[];
  /** One value per output column (number; percent as 5 for 5%; LocalizedText; role id; choice). */
  outputs: unknown[];
}

/** A family of rules seen as one table: inputs x rows -> outputs. */
export interface DecisionTable {
  id: string;
  title: LocalizedText;
  hitPolicy: HitPolicy;
  inputs: TableInput[];
  outputs: TableOutput[];
  /** The outcome every row produces, with the row's outputs written into it. */
  event: OutcomeEvent;
  /** Priority shared by the rows' rules, when they have one. */
  priority?: number;
  rows: TableRow[];
}
