import Type, { type TSchema } from 'typebox';
import type { Evaluation, LocalizedText as EngineText, Outcome, Problem as EngineProblem } from '@aftersales/engine';

/** The shapes the API answers with, shared by the endpoints. */

export const Text = (maxLength = 200) => Type.String({ minLength: 1, maxLength });
/** An ISO 8601 instant, as the server writes it. */
export const Instant = Type.String({ description: 'ISO 8601 instant' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Who did something (actors.ts): a user name, an integrator's API key, or the server's own work. */
export const Actor = Type.String({
  description:
    'who did it: a user name, `api-key:<key name>` for an API key, `clock` or `system` for the server itself (actorText says it in words)',
});

export const LocalizedText = Type.Unsafe<EngineText>(
  Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, { description: 'a text in both languages' }),
);

/** Engine-owned shapes (their full schemas live with the engine's meta-schemas): typed from the engine, checked as objects. */
export const EvaluationShape = Type.Unsafe<Evaluation>(Type.Object({}, { description: "the engine's evaluation: outcome, explanation" }));
/** An evaluation with its explanation when a record is read one by one, without it in the answer to a write. */
export const RecordEvaluation = Type.Unsafe<Omit<Evaluation, 'explanation'> & Partial<Pick<Evaluation, 'explanation'>>>(
  Type.Object({}, { description: "the engine's evaluation: outcome, and the explanation when the record is read one by one" }),
);
export const OutcomeShape = Type.Unsafe<Outcome>(Type.Object({}, { description: "the engine's outcome" }));
export const DeadlineOutcome = Type.Unsafe<Outcome['deadlines'][number]>(Type.Object({}, { description: "the engine's deadline outcome" }));
export const Json = Type.Unknown({ description: 'any JSON' });
export const JsonObject = Type.Record(Type.String(), Type.Unknown());

export const ROLES = ['admin', 'manager', 'staff'] as const;
export const Role = Type.Enum(ROLES);
export const SCOPES = ['definitions:read', 'definitions:write', 'records:read', 'records:write'] as const;
export const Scope = Type.Enum(SCOPES);

/** A detail of an error or a guard: where (pointer into the payload, or file/line/column of a pack file), what, in both languages. */
export const ErrorDetail = Type.Object({
  pointer: Type.Optional(Type.String()),
  file: Type.Optional(Type.String()),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
  code: Type.Optional(Type.String()),
  message: Type.String(),
  messageZh: Type.Optional(Type.String()),
});

/** An engine problem as the API sends it (pack checks, drafts). */
export const ProblemShape = Type.Unsafe<EngineProblem>(
  Type.Object({ file: Type.String(), pointer: Type.String(), code: Type.String(), message: LocalizedText }),
);

export const PublicUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  policyRoles: Type.Array(Type.String()),
  stores: Type.Array(Type.String()),
  /** When the user was deactivated (they cannot sign in); null while active. */
  deactivatedAt: Nullable(Instant),
});

export const ApiKeyInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Scope),
  createdBy: Actor,
  createdAt: Instant,
  revoked: Type.Boolean(),
  lastUsedAt: Type.Optional(Nullable(Instant)),
});

export const DeadlineState = Type.Enum(['open', 'met', 'breached']);

/** A deadline row as the clock keeps it: its live state and the engine's deadline outcome. */
export const DeadlineRow = Type.Object({
  recordId: Type.String(),
  formId: Type.String(),
  key: Type.String(),
  dueAt: Nullable(Instant),
  state: DeadlineState,
  remindAt: Nullable(Instant),
  reminded: Type.Boolean(),
  deadline: DeadlineOutcome,
  calendarVersion: Type.Optional(Nullable(Type.Integer())),
});

/** A record in a list row or beside an approval, a deadline, a notice. */
export const RecordBrief = Type.Object({
  id: Type.String(),
  formId: Type.String(),
  status: Nullable(Type.String()),
  store: Nullable(Type.String()),
  assignee: Nullable(Type.String()),
  createdBy: Actor,
  createdAt: Instant,
  data: JsonObject,
});

export const ApprovalState = Type.Enum(['pending', 'approved', 'rejected', 'withdrawn']);

export const Approval = Type.Object({
  id: Type.String(),
  recordId: Type.String(),
  formId: Type.String(),
  approver: Type.String(),
  before: Type.String(),
  reason: LocalizedText,
  rule: Type.String(),
  state: ApprovalState,
  decidedBy: Nullable(Actor),
  decidedAt: Nullable(Instant),
  comment: Nullable(Type.String()),
  createdAt: Instant,
  requestedRev: Type.Optional(Type.Integer()),
  requestedData: Type.Optional(JsonObject),
});

/** A field changed since an approval was asked: its label and both values, in both languages. */
export const FieldChange = Type.Object({ pointer: Type.String(), label: LocalizedText, before: LocalizedText, after: LocalizedText });

/** An approval task as people see it: with the fields changed since it was asked. */
export const ApprovalWithChanges = Type.Intersect([
  Approval,
  Type.Object({
    changes: Type.Array(FieldChange),
    changedSinceAsked: Type.Boolean(),
    /** Whether the record's policy still asks for it (when not, a manager may withdraw it). */
    stillAsked: Type.Boolean(),
  }),
]);

export const FineOrigin = Type.Enum(['rule', 'breach', 'reversal', 'correction']);

export const FineEntry = Type.Object({
  id: Type.String(),
  uniqueKey: Type.String(),
  recordId: Type.String(),
  formId: Type.String(),
  payerRole: Type.String(),
  person: Nullable(Type.String()),
  amount: Type.Number(),
  reason: LocalizedText,
  origin: FineOrigin,
  postedAt: Instant,
  corrects: Type.Optional(Nullable(Type.String())),
  correctedBy: Type.Optional(Nullable(Actor)),
  note: Type.Optional(Nullable(Type.String())),
});

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Instant,
  actor: Actor,
  entity: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  before: Json,
  after: Json,
  recordId: Type.Optional(
    Type.String({ description: "the record the entry is about: a record's own entries, its approvals' and its fines' (absent on others)" }),
  ),
});

export const Notice = Type.Object({
  id: Type.String(),
  at: Instant,
  role: Type.String(),
  person: Nullable(Type.String()),
  recordId: Nullable(Type.String()),
  message: LocalizedText,
  uniqueKey: Type.String(),
});

export const FileInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});

/** The most rows a paged list answers at once (`limit`). */
export const LARGEST_PAGE = 500;

/** Query parameters of a paged list (keyset paging: pass the answer's `nextCursor` as `cursor` for the next page). */
export const pageQuery = (defaultLimit: number) => ({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LARGEST_PAGE, default: defaultLimit, description: 'rows per page' })),
  cursor: Type.Optional(
    Type.String({ maxLength: 1000, description: 'the nextCursor of the previous page (opaque); absent: the first page' }),
  ),
});

export const NextCursor = Nullable(Type.String({ description: 'pass as `cursor` for the next page; null on the last' }));

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
