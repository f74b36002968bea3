import Type from 'typebox';
import type { RolesFile } from '@aftersales/engine';
import { endpoint } from '../endpoint.js';
import { Instant, Json, LocalizedText, Nullable, ProblemShape, Text, Actor } from '../shapes.js';

export const DefinitionBody = Type.Object(
  { definition: Type.Record(Type.String(), Type.Unknown()), note: Type.Optional(Text(500)) },
  { additionalProperties: false },
);
export const Publish = Type.Object({ note: Type.Optional(Text(500)) }, { additionalProperties: false });
export const Rollback = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const Archive = Type.Object({ archived: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
const VersionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), version: Type.String({ maxLength: 20 }) });

export const VersionInfo = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  version: Type.Integer(),
  hash: Type.String(),
  publishedAt: Instant,
  publishedBy: Actor,
  note: Type.Optional(Type.String()),
});
export const PublishedVersion = Type.Object({ ...VersionInfo.properties, definition: Json });

/** A form, rule set or calendar in a list: its published version and whether a draft waits. */
export const DocumentSummary = Type.Object({
  id: Type.String(),
  title: LocalizedText,
  /** Rule sets: the form they read. */
  form: Type.Optional(Type.String()),
  publishedVersion: Nullable(Type.Integer()),
  hasDraft: Type.Boolean(),
  archived: Type.Boolean(),
  updatedAt: Type.Optional(Instant),
  /** Calendars: the published definition (small, and what rule editors need whole). */
  definition: Type.Optional(Json),
});

export const DocumentDetail = Type.Object({
  id: Type.String(),
  form: Type.Optional(Type.String()),
  archived: Type.Boolean(),
  published: Nullable(Type.Object({ version: Type.Integer(), definition: Json, publishedAt: Instant, publishedBy: Actor })),
  draft: Nullable(Type.Object({ definition: Json, updatedAt: Instant, updatedBy: Type.String() })),
});

const Problems = Type.Object({ id: Type.String(), problems: Type.Array(ProblemShape) });
const Published = Type.Object({ version: Type.Integer(), created: Type.Boolean() });

/** Drafts, versions, publish and rollback of one kind of document under `/{base}`. */
export const definitionEndpoints = <B extends 'forms' | 'rule-sets' | 'calendars'>(base: B) => ({
  list: endpoint({
    method: 'get',
    path: `/${base}`,
    query: Type.Object({
      form: Type.Optional(Type.String({ maxLength: 200, description: 'rule sets of this form' })),
      archived: Type.Optional(Type.String({ maxLength: 10, description: '"true": archived ones too' })),
    }),
    response: Type.Object({ items: Type.Array(DocumentSummary) }),
  }),
  create: endpoint({ method: 'post', path: `/${base}`, body: DefinitionBody, response: Problems, status: 201 }),
  get: endpoint({ method: 'get', path: `/${base}/:id`, params: Params, response: DocumentDetail }),
  saveDraft: endpoint({ method: 'put', path: `/${base}/:id/draft`, params: Params, body: DefinitionBody, response: Problems }),
  discardDraft: endpoint({ method: 'delete', path: `/${base}/:id/draft`, params: Params, status: 204 }),
  publish: endpoint({ method: 'post', path: `/${base}/:id/publish`, params: Params, body: Publish, response: Published }),
  archive: endpoint({
    method: 'post',
    path: `/${base}/:id/archive`,
    params: Params,
    body: Archive,
    response: Type.Object({ archived: Type.Boolean() }),
  }),
  versions: endpoint({
    method: 'get',
    path: `/${base}/:id/versions`,
    params: Params,
    response: Type.Object({ items: Type.Array(VersionInfo) }),
  }),
  version: endpoint({
    method: 'get',
    path: `/${base}/:id/versions/:version`,
    params: VersionParams,
    response: PublishedVersion,
  }),
  diff: endpoint({
    method: 'get',
    path: `/${base}/:id/diff`,
    params: Params,
    query: Type.Object({
      from: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
      to: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    }),
    response: Type.Object({
      from: Type.Integer(),
      to: Type.Integer(),
      patch: Type.Array(Type.Object({ op: Type.String(), path: Type.String() }), { description: 'RFC 6902 JSON Patch' }),
    }),
  }),
  rollback: endpoint({ method: 'post', path: `/${base}/:id/rollback`, params: Params, body: Rollback, response: Published }),
});

export const formValidatorEndpoint = endpoint({
  method: 'get',
  path: '/forms/:id/versions/:version/validator.js',
  params: VersionParams,
  query: Type.Object({ locale: Type.Optional(Type.String({ maxLength: 10, description: 'zh-CN or en' })) }),
  file: ['text/javascript'],
});

export const rolesEndpoint = endpoint({
  method: 'get',
  path: '/roles',
  response: Type.Unsafe<RolesFile>(Type.Object({}, { description: 'the published roles file' })),
});

export const formEndpoints = definitionEndpoints('forms');
export const ruleSetEndpoints = definitionEndpoints('rule-sets');
export const calendarEndpoints = definitionEndpoints('calendars');
