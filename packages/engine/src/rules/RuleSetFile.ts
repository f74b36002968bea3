import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { Expr } from '../expr/Expr.js';
import type { OutcomeEvent } from '../outcome/OutcomeEvent.js';
import type { TableAnnotation } from '../tables/DecisionTable.js';

/** A value to compare with: a literal, or another fact (json-rules-engine's `{ fact }` value). */
export type ConditionValue = unknown;

/** A leaf condition: json-rules-engine's fact/operator/value, with an optional safe `path`. */
export interface FactCondition {
  fact: string;
  operator: string;
  value: ConditionValue;
  /** Plain `$.a.b[0]` path into an object fact; filter and script expressions are refused. */
  path?: string;
  params?: Record<string, unknown>;
  priority?: number;
  name?: string;
}

export interface AllCondition {
  all: NestedCondition[];
  priority?: number;
  name?: string;
}
export interface AnyCondition {
  any: NestedCondition[];
  priority?: number;
  name?: string;
}
export interface NotCondition {
  not: NestedCondition;
  priority?: number;
  name?: string;
}
/** A reference to a shared condition of the rule set (`conditions` in the file). */
export interface ConditionReference {
  condition: string;
  priority?: number;
  name?: string;
}

export type TopLevelCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;
export type NestedCondition = TopLevelCondition | FactCondition;

/** Working or calendar time between two date-time fields; `to` not given, or its field still empty: the evaluation's `now`. */
export interface ElapsedFact {
  kind: 'workingHours' | 'workingDays' | 'hours' | 'days';
  from: string;
  to?: string;
  /** Calendar id for working time; default the rule set's calendar. */
  calendar?: string;
  label: LocalizedText;
}

/** A number computed from record fields (e.g. units received / 10, rounded up). */
export interface ComputedFact {
  kind: 'computed';
  value: Expr;
  label: LocalizedText;
}

export interface HistoryFilter {
  field: string;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';
  /** A literal, or `{ fact }`: the value of a fact of the record being evaluated. */
  value: unknown;
}

/** A figure the server computes from other records (e.g. discounted quotes by this advisor this week). */
export interface HistoryFact {
  kind: 'history';
  type: 'integer' | 'number';
  label: LocalizedText;
  query: {
    /** Form whose records are counted; default the rule set's form. */
    form?: string;
    aggregate: 'count' | 'sum';
    /** The field summed (aggregate "sum"). */
    field?: string;
    where?: HistoryFilter[];
    /** Records created in the current calendar week/month, or the last N days, before `now`. */
    window: { unit: 'week' | 'month' | 'days'; amount?: number };
    /** Include the record being evaluated (default true). */
    includeSelf?: boolean;
  };
}

/**
 * A value of the record a link field names (e.g. the return visit's ticket's customer name, or its
 * status with `path` "$status"), read by the server through the store; null while the link is empty.
 */
export interface LinkedFact {
  kind: 'linked';
  /** The link field of this form. */
  field: string;
  /** A field of the linked form (dot path), or "$status". */
  path: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  label: LocalizedText;
}

export type DerivedFact = ElapsedFact | ComputedFact | HistoryFact | LinkedFact;

/** A saved test case's name: in both languages, or (older files) one string shown as is. */
export type CaseName = LocalizedText | string;

/** A test case saved with a rule set: a sample record and what the rules must give. */
export interface RuleTestCase {
  /** What people read, in both languages; a plain string (files written before names were bilingual) reads the same in both. */
  name: CaseName;
  record: Record<string, unknown>;
  now: string;
  status?: string;
  /** Values of the history and linked facts the server would supply. */
  history?: Record<string, number | string | boolean | null>;
  /** Names of the rules that must fire (and only these, when `exact`). */
  expectFired: string[];
  exact?: boolean;
  /** Values the rule set's outcome must show for this record (only those listed are compared). */
  expect?: ExpectedValues;
}

/**
 * Values a saved test case asserts, from the outcomes of its own rule set. Deadlines and amounts are
 * compared key by key (only the keys listed); `fines` and `approvals`, when present, are the whole
 * list (in any order; `[]` = none).
 */
export interface ExpectedValues {
  /** Deadline key -> due time: local wall time in the deadline calendar's zone ("2025-10-09 16:00"), or ISO with an offset; null = no due time. */
  deadlines?: Record<string, string | null>;
  /** Computed amount name -> value. */
  amounts?: Record<string, number>;
  /** Fines posted: by rules, and by deadlines already breached at `now`. Payer = policy role. */
  fines?: ExpectedFine[];
  /** Policy roles asked to approve, one entry per approval. */
  approvals?: string[];
}

export interface ExpectedFine {
  payer: string;
  amount: number;
}

export interface RuleDefinition {
  /** Unique in its rule set; letters, digits, "-", "_", ".". */
  name: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Catalog ids this rule implements, e.g. ["T1"]. */
  catalog?: string[];
  /** json-rules-engine priority (higher runs first), default 1. */
  priority?: number;
  /** Off: kept in the file, not evaluated. Default true. */
  enabled?: boolean;
  conditions: TopLevelCondition;
  event: OutcomeEvent;
}

/** A rule set file (`rules/<form>/*.rules.json`). */
export interface RuleSetFile {
  $schema?: string;
  id: string;
  /** The form whose records these rules read. */
  form: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Default calendar id for working-time facts and deadlines. */
  calendar?: string;
  /** Derived and history facts, by fact name. */
  facts?: Record<string, DerivedFact>;
  /** Shared conditions referenced by `{ "condition": name }`. */
  conditions?: Record<string, TopLevelCondition>;
  /** What people read for the shared conditions, by condition name (the name is a code, never shown). */
  conditionTitles?: Record<string, LocalizedText>;
  rules: RuleDefinition[];
  /** Families of rules edited as decision tables (rows = rules, in order). */
  tables?: TableAnnotation[];
  tests?: RuleTestCase[];
}
