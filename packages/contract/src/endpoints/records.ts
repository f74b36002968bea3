import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import {
  ApprovalWithChanges,
  AuditEntry,
  DeadlineRow,
  ErrorDetail,
  EvaluationShape,
  IdParams,
  Instant,
  JsonObject,
  NextCursor,
  Nullable,
  RecordEvaluation,
  Text,
  pageQuery,
  Actor,
} from '../shapes.js';

export const RecordCreate = Type.Object(
  { form: Text(100), data: JsonObject, store: Type.Optional(Text(100)), assignee: Type.Optional(Text(100)) },
  { additionalProperties: false },
);
export const RecordUpdate = Type.Object(
  { data: JsonObject, rev: Type.Integer({ minimum: 1, description: 'the revision read; a stale one is a 409' }) },
  { additionalProperties: false },
);
export const Transition = Type.Object({ to: Text(100) }, { additionalProperties: false });
export const Evaluate = Type.Object(
  { form: Text(100), data: JsonObject, now: Type.Optional(Type.String({ format: 'date-time' })), status: Type.Optional(Text(100)) },
  { additionalProperties: false },
);

/** A record as stored: data, status, pinned versions. */
const StoredRecordFields = {
  id: Type.String(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  ruleSetVersions: Type.Record(Type.String(), Type.Integer()),
  status: Nullable(Type.String()),
  data: JsonObject,
  store: Nullable(Type.String()),
  assignee: Nullable(Type.String()),
  createdBy: Actor,
  createdAt: Instant,
  updatedAt: Instant,
  rev: Type.Integer(),
};

/** What stands before a status move: a pending or rejected approval, or a rule's block. */
export const Guard = ErrorDetail;

/** A record with its evaluation (with the explanation when read one by one), status moves, approvals and deadline rows. */
export const RecordView = Type.Object({
  ...StoredRecordFields,
  /** The name people read for the record's store (null: no store, or a store nobody named yet). */
  storeName: Type.Optional(Nullable(Type.String())),
  evaluation: RecordEvaluation,
  approvals: Type.Array(ApprovalWithChanges),
  /** In a final state of its flow: read-only. */
  final: Type.Boolean(),
  transitions: Type.Array(Type.Object({ to: Type.String(), guards: Type.Array(Guard) })),
  deadlines: Type.Array(DeadlineRow),
  /** The server's clock, for the deadline chips. */
  now: Instant,
});

/** A record in a list: its data and deadline rows (the outcome and explanation are read with the record). */
export const RecordListItem = Type.Object({ ...StoredRecordFields, deadlines: Type.Array(DeadlineRow) });

export const RecordListQuery = Type.Object({
  ...pageQuery(50),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'search words (ticket no., customer phone or name, technician): 3+ characters anywhere, 1-2 at the start of a word',
    }),
  ),
  form: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(Type.String({ maxLength: 200 })),
  deadline: Type.Optional(Type.Enum(['open', 'met', 'breached'])),
  assignee: Type.Optional(Type.String({ maxLength: 200 })),
  person: Type.Optional(Type.String({ maxLength: 200 })),
  mine: Type.Optional(Type.Enum(['1', 'true'])),
  store: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ maxLength: 200, description: "a local date of the store's time zone" })),
  to: Type.Optional(Type.String({ maxLength: 200, description: "a local date of the store's time zone" })),
  dateField: Type.Optional(Type.String({ maxLength: 200, description: 'the date field `from`/`to` are of (default: creation)' })),
});

export const recordEndpoints = {
  listRecords: endpoint({
    method: 'get',
    path: '/records',
    query: RecordListQuery,
    response: Type.Object({
      total: Type.Integer({ description: 'counted up to 10,000' }),
      totalCapped: Type.Boolean({ description: 'there are more than `total`' }),
      items: Type.Array(RecordListItem),
      nextCursor: NextCursor,
      now: Instant,
    }),
  }),
  createRecord: endpoint({ method: 'post', path: '/records', body: RecordCreate, response: RecordView, status: 201 }),
  getRecord: endpoint({ method: 'get', path: '/records/:id', params: IdParams, response: RecordView }),
  updateRecord: endpoint({ method: 'put', path: '/records/:id', params: IdParams, body: RecordUpdate, response: RecordView }),
  transitionRecord: endpoint({
    method: 'post',
    path: '/records/:id/transitions',
    params: IdParams,
    body: Transition,
    response: RecordView,
  }),
  recordHistory: endpoint({
    method: 'get',
    path: '/records/:id/history',
    params: IdParams,
    query: Type.Object(pageQuery(200)),
    response: Type.Object({
      items: Type.Array(AuditEntry),
      total: Type.Integer(),
      totalCapped: Type.Boolean(),
      nextCursor: NextCursor,
    }),
  }),
  evaluate: endpoint({ method: 'post', path: '/evaluate', body: Evaluate, response: EvaluationShape }),
};
