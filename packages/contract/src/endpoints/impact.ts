import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import { ErrorBody } from '../errors/ErrorBody.js';
import { Instant, JsonObject, LocalizedText, Nullable, Text } from '../shapes.js';

const PackFiles = Type.Array(
  Type.Object({ path: Text(500), content: Type.String({ maxLength: 1_048_576 }) }, { additionalProperties: false }),
  { minItems: 1, maxItems: 500 },
);

/** A draft replayed over the stored history: a rule set, calendar or form by id (definition: the draft's, else the saved draft), or pack files. */
export const Impact = Type.Object(
  {
    draft: Type.Object(
      {
        kind: Type.Enum(['ruleset', 'calendar', 'form', 'pack']),
        id: Type.Optional(Text(200)),
        definition: Type.Optional(JsonObject),
        files: Type.Optional(PackFiles),
      },
      { additionalProperties: false },
    ),
    since: Type.Optional(Type.String({ pattern: '^(all|[0-9]{1,5}d)$', description: 'the window: all, or the last N days (default 90d)' })),
  },
  { additionalProperties: false },
);

/** The counts of one slice of an impact (all of it, or one store, person, month or rule). */
export const ImpactCounts = Type.Object({
  records: Type.Integer(),
  finesAdded: Type.Integer(),
  finesAddedAmount: Type.Number(),
  finesRemoved: Type.Integer(),
  finesRemovedAmount: Type.Number(),
  becameLate: Type.Integer(),
  becameOnTime: Type.Integer(),
  deadlinesMoved: Type.Integer(),
  approvalsAdded: Type.Integer(),
  approvalsRemoved: Type.Integer(),
  blocksAdded: Type.Integer(),
  blocksRemoved: Type.Integer(),
});

const ImpactFine = Type.Object({ rule: Type.String(), role: Type.String(), person: Nullable(Type.String()), amount: Type.Number() });
const ImpactDue = Type.Object({ dueAt: Nullable(Instant), late: Type.Boolean() });
const ImpactApproval = Type.Object({ approver: Type.String(), before: Type.String(), rule: Type.String() });
const ImpactBlock = Type.Object({ message: LocalizedText, rule: Type.String() });

/** What a draft changes on one stored record (before: the published policy, after: the draft). */
export const ImpactRecordChange = Type.Object({
  id: Type.String({ description: 'a link target only; people see the title' }),
  formId: Type.String(),
  title: LocalizedText,
  createdAt: Instant,
  store: Nullable(Type.String()),
  month: Type.String({ description: 'YYYY-MM' }),
  persons: Type.Array(Type.Object({ role: Nullable(Type.String()), person: Type.String() })),
  finesAdded: Type.Array(ImpactFine),
  finesRemoved: Type.Array(ImpactFine),
  deadlines: Type.Array(
    Type.Object({
      key: Type.String(),
      what: LocalizedText,
      rule: Type.String(),
      person: Nullable(Type.String()),
      role: Nullable(Type.String()),
      before: Nullable(ImpactDue),
      after: Nullable(ImpactDue),
    }),
  ),
  approvalsAdded: Type.Array(ImpactApproval),
  approvalsRemoved: Type.Array(ImpactApproval),
  blocksAdded: Type.Array(ImpactBlock),
  blocksRemoved: Type.Array(ImpactBlock),
  amountsChanged: Type.Array(
    Type.Object({ label: LocalizedText, before: Nullable(Type.Number()), after: Nullable(Type.Number()), rule: Type.String() }),
  ),
});

/** The whole answer of an impact replay (records by title; ids only as link targets). */
export const ImpactAnswer = Type.Object({
  window: Type.Object({ from: Nullable(Instant), to: Instant }),
  now: Instant,
  forms: Type.Array(Type.Object({ id: Type.String(), title: LocalizedText })),
  checked: Type.Integer(),
  changed: Type.Integer(),
  totals: ImpactCounts,
  byStore: Type.Array(Type.Intersect([ImpactCounts, Type.Object({ store: Nullable(Type.String()) })])),
  byPerson: Type.Array(
    Type.Intersect([
      ImpactCounts,
      Type.Object({ person: Type.String(), role: Nullable(Type.String()), roleLabel: Nullable(LocalizedText) }),
    ]),
  ),
  byMonth: Type.Array(Type.Intersect([ImpactCounts, Type.Object({ month: Type.String() })])),
  byRule: Type.Array(Type.Intersect([ImpactCounts, Type.Object({ rule: Type.String(), title: LocalizedText })])),
  records: Type.Array(ImpactRecordChange),
  truncated: Type.Boolean(),
  threads: Type.Integer(),
});

/** One line of the streamed answer (`Accept: application/x-ndjson`): start, progress..., then result or error. */
export const ImpactStreamLine = Type.Union([
  Type.Object({ type: Type.Literal('start'), total: Type.Integer() }),
  Type.Object({ type: Type.Literal('progress'), checked: Type.Integer(), total: Type.Integer() }),
  Type.Object({ type: Type.Literal('result'), impact: ImpactAnswer }),
  Type.Object({ type: Type.Literal('error'), error: ErrorBody.properties.error }),
]);

/** Impact over the stored history (with `Accept: application/x-ndjson` the answer streams: start, progress..., result or error lines). */
export const impactEndpoints = {
  impact: endpoint({ method: 'post', path: '/impact', body: Impact, response: ImpactAnswer, stream: ImpactStreamLine }),
};
