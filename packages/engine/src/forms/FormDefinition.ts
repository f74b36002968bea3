import type { LocalizedText } from '../i18n/LocalizedText.js';

/**
 * A JSON Schema (draft-07) node of a record schema, with our annotation keywords:
 * - `x-title` / `x-description`: the field's label and help text in both languages;
 * - `x-enumTitles`: a label per enum value (keyed by `String(value)`).
 * - `x-kind`: the field kind the designer shows, where the JSON type alone does not tell it.
 * `title`/`description` may also be set; `localizeForm` fills them from the `x-` keywords.
 */
export interface RecordSchema {
  $schema?: string;
  $id?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  'x-title'?: LocalizedText;
  'x-description'?: LocalizedText;
  'x-enumTitles'?: Record<string, LocalizedText>;
  /** The designer's field kind where JSON Schema alone is ambiguous. */
  'x-kind'?: FieldKind;
  /** What staff read when the value does not fit its `pattern` or `format` ("请填写 11 位手机号"). */
  'x-errorMessage'?: LocalizedText;
  /** A computed number: its formula in the engine's formula language (read-only on screen, recomputed by the server). */
  'x-formula'?: unknown;
  /** Date and date-time fields: may not lie in the future. */
  'x-notFuture'?: boolean;
  /** Date and date-time fields: may not be earlier than this sibling field. */
  'x-after'?: string;
  /** Person fields: the policy roles whose holders may be picked (any user when absent). */
  'x-roles'?: string[];
  /** Link fields: the id of the form whose record the field links to (the value is that record's id, picked by its title). */
  'x-linkForm'?: string;
  properties?: Record<string, RecordSchema>;
  required?: string[];
  items?: RecordSchema | RecordSchema[];
  enum?: unknown[];
  format?: string;
  definitions?: Record<string, RecordSchema>;
  [keyword: string]: unknown;
}

/**
 * `person`: a user of the record's store, stored by user name and shown by display name (`x-roles`
 * narrows the pick to holders of those policy roles); `store`: one of the stores;
 * `signature`: a drawn signature, stored as an image file like a photo; `address`: a street address,
 * shown as a link to a map search.
 */
export type FieldKind = 'longText' | 'money' | 'phone' | 'address' | 'photo' | 'file' | 'person' | 'store' | 'signature' | 'link';

/**
 * Dispatch: the person field that names whom a record is assigned to (the record's assignee follows
 * it on every write), the policy roles who may dispatch, and the date-time field stamped on dispatch.
 */
export interface Assignment {
  field: string;
  dispatchers: string[];
  stamp?: string;
}

/**
 * Automatic numbering: the text field the server fills on create, and its format, e.g.
 * `SH-{date}-{seq:3}` (`{date}` the local date YYYYMMDD in the store's time zone, `{seq:n}` the
 * counter per form, store and everything before it, at least n digits).
 */
export interface Numbering {
  field: string;
  format: string;
}

export interface StatusState {
  id: string;
  label: LocalizedText;
  /** No transition leaves a final state. */
  final?: boolean;
}

export interface StatusTransition {
  from: string;
  to: string;
  label?: LocalizedText;
  /**
   * A one-tap step: the top-level date-time field this move fills with the server's time when it is
   * empty ("已到场" stamps the arrival time), in the same write as the move.
   */
  stamp?: string;
}

/** A group of top-level fields shown together under one heading ("到场", "配件"). */
export interface FormSection {
  /** camelCase id, e.g. "onSite". */
  id: string;
  label: LocalizedText;
  /** Top-level field names, each in at most one section. */
  fields: string[];
}

/** What a status step shows first: its sections, in this order (the others are collapsed). */
export interface StepView {
  status: string;
  sections: string[];
}

/** The states a record of the form moves through, and the moves allowed. */
export interface StatusFlow {
  initial: string;
  states: StatusState[];
  transitions: StatusTransition[];
}

/**
 * Who may change which fields: while a record is in one of `inStates` (every state when absent),
 * the listed fields may be changed only by people holding one of the `editableBy` policy roles.
 * A field no entry covers in a state is free to change in it.
 */
export interface FieldAccess {
  /** Dot paths of fields, e.g. "callTime", "customer.phone". */
  fields: string[];
  /** Policy roles (ids from the roles file). */
  editableBy: string[];
  /** Status ids; absent: every state. */
  inStates?: string[];
}

/**
 * What a record of this form does to the record one of its link fields names: when this record is in
 * `status` (any when absent) and its field `when.field` holds `when.equals`, the linked record, while
 * in one of the `from` states, is moved to `to` by the server in the same write (audited), e.g. a
 * return visit done with the customer unsatisfied sends its ticket back to dispatch.
 */
export interface LinkMove {
  /** The link field (top level) naming the record that moves. */
  field: string;
  status?: string;
  when?: { field: string; equals: string | number | boolean };
  /** The linked record's states it may be moved from (states of the linked form). */
  from: string[];
  /** The linked record's new state. */
  to: string;
}

/** A form definition file (`schemas/*.form.json`). */
export interface FormDefinition {
  $schema?: string;
  /** kebab-case id, e.g. "after-sales-record". */
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Catalog ids this form covers, e.g. ["F1"]. */
  catalog?: string[];
  /** Policy roles (ids from the roles file) who fill this form; shown on their home screen. */
  filledBy?: string[];
  /** Fields (dot paths, up to 3) whose values name a record everywhere people see it, e.g. ["ticketNo", "customer.name"]. */
  recordTitle?: string[];
  /** JSON Schema (draft-07) of the record data; root `type: "object"`. */
  schema: RecordSchema;
  /** react-jsonschema-form uiSchema. */
  uiSchema?: Record<string, unknown>;
  statusFlow?: StatusFlow;
  /** Who may change which fields in which states (the server refuses other changes). */
  fieldAccess?: FieldAccess[];
  /** Who a record is assigned to (a person field), who may dispatch it, and what dispatch stamps. */
  assignment?: Assignment;
  /** The number the server gives each new record. */
  numbering?: Numbering;
  /** Moves a record of this form makes to the records its link fields name. */
  linkMoves?: LinkMove[];
  /** Groups of fields under headings. */
  sections?: FormSection[];
  /** Per status, which sections the step shows first. */
  steps?: StepView[];
}
