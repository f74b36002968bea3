import { LOCALES, type Locale } from '@aftersales/engine';
import { AppError } from '../../errors/AppError.js';
import { hasRole, actorOf } from '../../services/Principal.js';
import type { DocumentKind, DocumentState } from '../../store/types.js';
import { Download, type Access, type Route } from '../Route.js';
import type { Services } from './Services.js';
import { queryInt, queryString } from '../query.js';
import { createPatch } from 'rfc6902';

const READ: Access = { roles: ['admin', 'manager', 'staff'], scope: 'definitions:read' };
const WRITE: Access = { roles: ['admin'], scope: 'definitions:write' };

const param = (value: unknown) => String(value);

/** Drafts, versions, publish and rollback of one kind of document, under `/{base}`. */
export function definitionRoutes(services: Services, base: string, kind: DocumentKind): Route[] {
  const { definitions } = services;
  const one = `/${base}/:id`;
  const view = (doc: DocumentState, showDraft: boolean) => ({
    id: doc.id,
    ...(doc.form ? { form: doc.form } : {}),
    archived: doc.archived,
    published: doc.published
      ? {
          version: doc.published.version,
          definition: doc.published.definition,
          publishedAt: doc.published.publishedAt,
          publishedBy: doc.published.publishedBy,
        }
      : null,
    draft: showDraft ? doc.draft : null,
  });
  return [
    {
      method: 'get',
      path: `/${base}`,
      access: READ,
      summary: `List ${base} with their published version and draft state`,
      handler: async ({ req, principal }) => {
        const form = queryString(req, 'form');
        const archived = queryString(req, 'archived') === 'true';
        const admin = hasRole(principal, ['admin']) || principal.kind === 'apiKey';
        const items = (await definitions.list(kind)).filter(
          (d) => (form === undefined || d.form === form) && (archived || !d.archived) && (admin || d.published),
        );
        return {
          items: items.map((d) => {
            const current = (admin ? d.draft?.definition : undefined) ?? d.published?.definition;
            return {
              id: d.id,
              title: (current as { title?: unknown } | undefined)?.title ?? { 'zh-CN': d.id, en: d.id },
              ...(d.form ? { form: d.form } : {}),
              publishedVersion: d.published?.version ?? null,
              hasDraft: admin && d.draft !== null,
              archived: d.archived,
              ...(d.draft ? { updatedAt: d.draft.updatedAt } : d.published ? { updatedAt: d.published.publishedAt } : {}),
              // Calendars are small and what rule editors need whole.
              ...(kind === 'calendar' && d.published ? { definition: d.published.definition } : {}),
            };
          }),
        };
      },
    },
    {
      method: 'post',
      path: `/${base}`,
      access: WRITE,
      summary: `Create a ${kind} as a draft`,
      body: 'Definition',
      status: 201,
      handler: async ({ req, principal }) => definitions.create(kind, (req.body as { definition: unknown }).definition, actorOf(principal)),
    },
    {
      method: 'get',
      path: one,
      access: READ,
      summary: `A ${kind}: its published version and draft`,
      handler: async ({ req, principal }) =>
        view(await definitions.get(kind, param(req.params.id)), hasRole(principal, ['admin']) || principal.kind === 'apiKey'),
    },
    {
      method: 'put',
      path: `${one}/draft`,
      access: WRITE,
      summary: `Save the draft of a ${kind}; returns the engine's problems`,
      body: 'Definition',
      handler: async ({ req, principal }) =>
        definitions.saveDraft(kind, param(req.params.id), (req.body as { definition: unknown }).definition, actorOf(principal)),
    },
    {
      method: 'delete',
      path: `${one}/draft`,
      access: WRITE,
      summary: 'Discard the draft',
      status: 204,
      handler: async ({ req, principal }) => definitions.discardDraft(kind, param(req.params.id), actorOf(principal)),
    },
    {
      method: 'post',
      path: `${one}/publish`,
      access: WRITE,
      summary: 'Publish the draft as a new immutable version (checked by the engine; saved test cases must pass)',
      body: 'Publish',
      handler: async ({ req, principal }) =>
        definitions.publish(kind, param(req.params.id), actorOf(principal), (req.body as { note?: string } | undefined)?.note),
    },
    {
      method: 'post',
      path: `${one}/archive`,
      access: WRITE,
      summary: 'Archive (or restore with {"archived": false})',
      body: 'Archive',
      handler: async ({ req, principal }) => {
        const archived = (req.body as { archived?: boolean } | undefined)?.archived ?? true;
        await definitions.archive(kind, param(req.params.id), archived, actorOf(principal));
        return { archived };
      },
    },
    {
      method: 'get',
      path: `${one}/versions`,
      access: READ,
      summary: 'Version history',
      handler: async ({ req }) => ({ items: await services.store.listVersions(kind, param(req.params.id)) }),
    },
    {
      method: 'get',
      path: `${one}/versions/:version`,
      access: READ,
      summary: 'One published version',
      handler: async ({ req }) => {
        const version = Number(req.params.version);
        const found = Number.isInteger(version) ? await services.store.getVersion(kind, param(req.params.id), version) : null;
        if (!found) throw new AppError('not_found', `version ${param(req.params.version)} does not exist`);
        return found;
      },
    },
    ...(kind === 'form' ? [validatorRoute(services, one)] : []),
    {
      method: 'get',
      path: `${one}/diff`,
      access: READ,
      summary: 'How version `to` differs from version `from` (query from, to), as an RFC 6902 JSON Patch',
      handler: async ({ req }) => {
        const id = param(req.params.id);
        const bounds = { min: 1, max: 1_000_000 };
        const [from, to] = [queryInt(req, 'from', 0, bounds), queryInt(req, 'to', 0, bounds)];
        if (from === 0 || to === 0)
          throw new AppError('bad_request', 'give the two versions to compare: ?from=<version>&to=<version>', {
            details: [{ pointer: from === 0 ? '/query/from' : '/query/to', message: 'required' }],
          });
        const [a, b] = await Promise.all([services.store.getVersion(kind, id, from), services.store.getVersion(kind, id, to)]);
        for (const [version, found] of [
          [from, a],
          [to, b],
        ] as const)
          if (!found) throw new AppError('not_found', `${kind} "${id}" has no version ${version}`);
        return { from, to, patch: createPatch(a!.definition, b!.definition) };
      },
    },
    {
      method: 'post',
      path: `${one}/rollback`,
      access: WRITE,
      summary: 'Publish an old version again as a new version',
      body: 'Rollback',
      handler: async ({ req, principal }) =>
        definitions.rollback(kind, param(req.params.id), (req.body as { version: number }).version, actorOf(principal)),
    },
  ];
}

/**
 * GET /forms/:id/versions/:version/validator.js?locale=: the version's record validation as a
 * JavaScript module for the staff app (see FormValidators): the browser checks a record with the
 * server's own validate functions, without ajv.
 */
function validatorRoute(services: Services, one: string): Route {
  return {
    method: 'get',
    path: `${one}/versions/:version/validator.js`,
    access: READ,
    summary: 'The validate functions of a published form version, as a JavaScript module for the browser (query locale)',
    handler: async ({ req }) => {
      const version = Number(req.params.version);
      if (!Number.isInteger(version) || version < 1) throw new AppError('not_found', `version ${param(req.params.version)} does not exist`);
      const locale = queryString(req, 'locale', { maxLength: 10 });
      if (!LOCALES.includes(locale as Locale))
        throw new AppError('bad_request', `query parameter "locale" must be one of ${LOCALES.join(', ')}`, {
          details: [{ pointer: '/query/locale', message: locale === undefined ? 'required' : 'unknown locale' }],
        });
      const code = await services.validators.module(param(req.params.id), version, locale as Locale);
      return new Download('text/javascript; charset=utf-8', code);
    },
  };
}

/** GET /roles: the published roles file. */
export function rolesRoute(services: Services): Route {
  return {
    method: 'get',
    path: '/roles',
    access: READ,
    summary: 'The published policy roles file',
    handler: async () => {
      const pack = await services.definitions.publishedPack();
      if (!pack.roles) throw new AppError('not_found', 'no roles file is published');
      return pack.roles.definition;
    },
  };
}
