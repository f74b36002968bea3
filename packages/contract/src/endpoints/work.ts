import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import {
  Approval,
  ApprovalState,
  ApprovalWithChanges,
  DeadlineRow,
  DeadlineState,
  FineEntry,
  IdParams,
  Instant,
  LocalizedText,
  NextCursor,
  Notice,
  Nullable,
  RecordBrief,
  Text,
  pageQuery,
} from '../shapes.js';

export const Decision = Type.Object(
  { decision: Type.Enum(['approve', 'reject']), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const Withdrawal = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
  { additionalProperties: false },
);
export const FineCorrection = Type.Object(
  { reason: Text(500), amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000, multipleOf: 0.01 })) },
  { additionalProperties: false },
);

/** A page's total, counted by the database up to 10,000 (`totalCapped`: there are more). */
const CappedTotal = { total: Type.Integer(), totalCapped: Type.Boolean() };

const Month = Type.String({ maxLength: 7, description: 'YYYY-MM' });
const FineFilter = {
  person: Type.Optional(Type.String({ maxLength: 200 })),
  month: Type.Optional(Month),
  form: Type.Optional(Type.String({ maxLength: 200 })),
  record: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "a record's id: the fines posted on that record" })),
};

export const LedgerLine = Type.Object({
  person: Type.String(),
  /** The person's display name (the ledger keys fines by user name). */
  personName: Type.String(),
  payerRole: Type.String(),
  month: Type.String(),
  count: Type.Integer(),
  total: Type.Number(),
});

export const DeadlineItem = Type.Intersect([DeadlineRow, Type.Object({ lateMs: Type.Number(), record: RecordBrief })]);
export const ApprovalItem = Type.Intersect([ApprovalWithChanges, Type.Object({ record: RecordBrief })]);
export const NoticeItem = Type.Intersect([Notice, Type.Object({ record: Nullable(RecordBrief) })]);
export const LedgerItem = Type.Intersect([
  FineEntry,
  Type.Object({ recordTitle: Nullable(LocalizedText), personName: Nullable(Type.String({ description: "the person's display name" })) }),
]);

/** Approvals inbox, overdue board, fines ledger, dashboards, notices, the clock. */
export const workEndpoints = {
  approvals: endpoint({
    method: 'get',
    path: '/approvals',
    query: Type.Object({ state: Type.Optional(ApprovalState), ...pageQuery(100) }),
    response: Type.Object({ items: Type.Array(ApprovalItem), ...CappedTotal, nextCursor: NextCursor }),
  }),
  decide: endpoint({ method: 'post', path: '/approvals/:id/decision', params: IdParams, body: Decision, response: Approval }),
  withdraw: endpoint({ method: 'post', path: '/approvals/:id/withdrawal', params: IdParams, body: Withdrawal, response: Approval }),
  deadlines: endpoint({
    method: 'get',
    path: '/deadlines',
    query: Type.Object({ state: Type.Optional(DeadlineState), form: Type.Optional(Type.String({ maxLength: 200 })), ...pageQuery(100) }),
    response: Type.Object({ now: Instant, items: Type.Array(DeadlineItem), ...CappedTotal, nextCursor: NextCursor }),
  }),
  fines: endpoint({
    method: 'get',
    path: '/fines',
    query: Type.Object({ ...FineFilter, ...pageQuery(100) }),
    response: Type.Object({
      items: Type.Array(LedgerItem),
      count: Type.Integer({ description: 'fines of the filter, counted up to 10,000' }),
      countCapped: Type.Boolean({ description: 'there are more than `count`' }),
      nextCursor: NextCursor,
      total: Type.Number({ description: 'the sum of every fine of the filter' }),
      summary: Type.Array(LedgerLine),
    }),
  }),
  finesExport: endpoint({
    method: 'get',
    path: '/fines/export',
    query: Type.Object({
      ...FineFilter,
      format: Type.Optional(Type.Enum(['csv', 'xlsx'], { description: 'required' })),
      lang: Type.Optional(Type.Enum(['zh-CN', 'en'])),
    }),
    file: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
  compliance: endpoint({
    method: 'get',
    path: '/dashboard/compliance',
    query: Type.Object({
      groupBy: Type.Optional(Type.String({ maxLength: 200, description: 'required: a record field' })),
      weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, default: 8 })),
      form: Type.Optional(Type.String({ maxLength: 200 })),
    }),
    response: Type.Object({
      weeks: Type.Array(Type.String()),
      series: Type.Array(
        Type.Object({
          group: Type.String(),
          met: Type.Array(Type.Integer()),
          breached: Type.Array(Type.Integer()),
          rate: Type.Array(Nullable(Type.Number())),
        }),
      ),
    }),
  }),
  finesPerMonth: endpoint({
    method: 'get',
    path: '/dashboard/fines',
    query: Type.Object({ months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, default: 6 })) }),
    response: Type.Object({ months: Type.Array(Type.String()), count: Type.Array(Type.Integer()), total: Type.Array(Type.Number()) }),
  }),
  counts: endpoint({
    method: 'get',
    path: '/dashboard/counts',
    query: Type.Object({
      form: Type.Optional(Type.String({ maxLength: 200, description: 'required' })),
      field: Type.Optional(Type.String({ maxLength: 200, description: 'required' })),
      by: Type.Optional(Type.String({ maxLength: 200 })),
      from: Type.Optional(Type.String({ maxLength: 200 })),
    }),
    response: Type.Object({ total: Type.Integer(), counts: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())) }),
  }),
  notifications: endpoint({
    method: 'get',
    path: '/notifications',
    query: Type.Object(pageQuery(50)),
    response: Type.Object({ items: Type.Array(NoticeItem), ...CappedTotal, nextCursor: NextCursor }),
  }),
  tick: endpoint({
    method: 'post',
    path: '/clock/tick',
    response: Type.Object({ actor: Type.String(), breached: Type.Integer(), reminded: Type.Integer() }),
  }),
  correctFine: endpoint({
    method: 'post',
    path: '/fines/:id/corrections',
    params: IdParams,
    body: FineCorrection,
    response: Type.Object({ reversal: FineEntry, replacement: Nullable(FineEntry) }),
    status: 201,
  }),
};
