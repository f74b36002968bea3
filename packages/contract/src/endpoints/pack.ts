import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import { ErrorDetail, FileInfo, IdParams, Instant, LocalizedText, Nullable, Text } from '../shapes.js';

export const Push = Type.Object(
  {
    files: Type.Array(Type.Object({ path: Text(500), content: Type.String({ maxLength: 1_048_576 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 500,
    }),
    dryRun: Type.Optional(Type.Boolean()),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export const CalendarPreviewBody = Type.Object(
  { definition: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
  { additionalProperties: false },
);

const PackFile = Type.Object({ path: Type.String(), content: Type.String() });

export const PackChange = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  from: Nullable(Type.Integer()),
  changed: Type.Boolean(),
  patch: Type.Optional(Type.Array(Type.Object({ op: Type.String(), path: Type.String() }))),
});

export const DeadlineShift = Type.Object({
  recordId: Type.String(),
  formId: Type.String(),
  key: Type.String(),
  what: LocalizedText,
  /** Form title · key field · local date: how people name the record. */
  title: LocalizedText,
  from: Nullable(Instant),
  to: Nullable(Instant),
  deltaMs: Nullable(Type.Number()),
  breachedNow: Type.Boolean(),
  saved: Type.Boolean(),
});

/** Pack push and pull, calendar preview, files, the API document. */
export const packEndpoints = {
  push: endpoint({
    method: 'post',
    path: '/pack',
    body: Push,
    response: Type.Object({
      valid: Type.Boolean(),
      dryRun: Type.Boolean(),
      problems: Type.Array(ErrorDetail),
      changes: Type.Array(PackChange),
      impact: Type.Array(Type.Object({ recordId: Type.String(), formId: Type.String() }), {
        description: 'per record, to callers who may read records',
      }),
      impactCounts: Type.Object({
        records: Type.Integer(),
        hidden: Type.Integer(),
        byForm: Type.Record(Type.String(), Type.Integer()),
        fineTotalDelta: Type.Number(),
      }),
    }),
  }),
  pull: endpoint({ method: 'get', path: '/pack', response: Type.Object({ files: Type.Array(PackFile) }) }),
  calendarPreview: endpoint({
    method: 'post',
    path: '/calendars/:id/preview',
    params: IdParams,
    body: CalendarPreviewBody,
    response: Type.Object({
      now: Instant,
      timeZone: Type.String(),
      counts: Type.Object({
        moved: Type.Integer(),
        later: Type.Integer(),
        earlier: Type.Integer(),
        breachedNow: Type.Integer(),
        saved: Type.Integer(),
      }),
      items: Type.Array(DeadlineShift, {
        description: 'the moves due soonest under the published calendar, at most 200 (counts cover every open deadline)',
      }),
    }),
  }),
  upload: endpoint({ method: 'post', path: '/files', response: FileInfo, status: 201 }),
  file: endpoint({ method: 'get', path: '/files/:id', params: IdParams, file: ['image/*', 'application/pdf'] }),
  openapi: endpoint({ method: 'get', path: '/openapi.json', response: Type.Record(Type.String(), Type.Unknown()) }),
};
