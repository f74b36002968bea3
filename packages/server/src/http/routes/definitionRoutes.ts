import { LOCALES, type Locale, type LocalizedText } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import { hasRole, actorOf } from '../../services/Principal.js';
import type { DocumentKind, DocumentState } from '../../store/types.js';
import { api, definitionEndpoints } from '@aftersales/contract';
import { Download, type Access, type Route } from '../Route.js';
import type { Services } from './Services.js';
import { route } from '../typedRoute.js';
import { createPatch } from 'rfc6902';

const READ: Access = { roles: ['admin', 'manager', 'staff'], scope: 'definitions:read' };
const WRITE: Access = { roles: ['admin'], scope: 'definitions:write' };

/** Drafts, versions, publish and rollback of one kind of document, under `/{base}`. */
export function definitionRoutes(services: Services, base: 'forms' | 'rule-sets' | 'calendars', kind: DocumentKind): Route[] {
  const { definitions } = services;
  const endpoints = definitionEndpoints(base);
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
    route(endpoints.list, {
      access: READ,
      summary: `List ${base} with their published version and draft state`,
      handler: async ({ query, principal }) => {
        const form = query.form;
        const archived = query.archived === 'true';
        const admin = hasRole(principal, ['admin']) || principal.kind === 'apiKey';
        const items = (await definitions.list(kind)).filter(
          (d) => (form === undefined || d.form === form) && (archived || !d.archived) && (admin || d.published),
        );
        return {
          items: items.map((d) => {
            const current = (admin ? d.draft?.definition : undefined) ?? d.published?.definition;
            return {
              id: d.id,
              title: (current as { title?: LocalizedText } | undefined)?.title ?? { 'zh-CN': d.id, en: d.id },
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
    }),
    route(endpoints.create, {
      access: WRITE,
      summary: `Create a ${kind} as a draft`,
      handler: async ({ body, principal }) => definitions.create(kind, body.definition, actorOf(principal)),
    }),
    route(endpoints.get, {
      access: READ,
      summary: `A ${kind}: its published version and draft`,
      handler: async ({ params, principal }) =>
        view(await definitions.get(kind, params.id), hasRole(principal, ['admin']) || principal.kind === 'apiKey'),
    }),
    route(endpoints.saveDraft, {
      access: WRITE,
      summary: `Save the draft of a ${kind}; returns the engine's problems`,
      handler: async ({ params, body, principal }) => definitions.saveDraft(kind, params.id, body.definition, actorOf(principal)),
    }),
    route(endpoints.discardDraft, {
      access: WRITE,
      summary: 'Discard the draft',
      handler: async ({ params, principal }) => definitions.discardDraft(kind, params.id, actorOf(principal)),
    }),
    route(endpoints.publish, {
      access: WRITE,
      summary: 'Publish the draft as a new immutable version (checked by the engine; saved test cases must pass)',
      handler: async ({ params, body, principal }) => definitions.publish(kind, params.id, actorOf(principal), body.note),
    }),
    route(endpoints.archive, {
      access: WRITE,
      summary: 'Archive (or restore with {"archived": false})',
      handler: async ({ params, body, principal }) => {
        const archived = body.archived ?? true;
        await definitions.archive(kind, params.id, archived, actorOf(principal));
        return { archived };
      },
    }),
    route(endpoints.versions, {
      access: READ,
      summary: 'Version history',
      handler: async ({ params }) => ({ items: await services.store.listVersions(kind, params.id) }),
    }),
    route(endpoints.version, {
      access: READ,
      summary: 'One published version',
      handler: async ({ params }) => {
        const version = Number(params.version);
        const found = Number.isInteger(version) ? await services.store.getVersion(kind, params.id, version) : null;
        if (!found) throw new DomainError('version.notFound', { version: params.version });
        return found;
      },
    }),
    ...(kind === 'form' ? [validatorRoute(services)] : []),
    route(endpoints.diff, {
      access: READ,
      summary: 'How version `to` differs from version `from` (query from, to), as an RFC 6902 JSON Patch',
      handler: async ({ params, query }) => {
        const id = params.id;
        const [from, to] = [query.from ?? 0, query.to ?? 0];
        if (from === 0 || to === 0)
          throw new DomainError(
            'query.twoVersions',
            {},
            { details: [domainDetail(from === 0 ? '/query/from' : '/query/to', 'detail.required', {})] },
          );
        const [a, b] = await Promise.all([services.store.getVersion(kind, id, from), services.store.getVersion(kind, id, to)]);
        for (const [version, found] of [
          [from, a],
          [to, b],
        ] as const)
          if (!found) throw new DomainError('definition.noVersion', { kind, id, version });
        return { from, to, patch: createPatch(a!.definition, b!.definition) };
      },
    }),
    route(endpoints.rollback, {
      access: WRITE,
      summary: 'Publish an old version again as a new version',
      handler: async ({ params, body, principal }) => definitions.rollback(kind, params.id, body.version, actorOf(principal)),
    }),
  ];
}

/**
 * GET /forms/:id/versions/:version/validator.js?locale=: the version's record validation as a
 * JavaScript module for the staff app (see FormValidators): the browser checks a record with the
 * server's own validate functions, without ajv.
 */
function validatorRoute(services: Services): Route {
  return route(api.formValidator, {
    access: READ,
    summary: 'The validate functions of a published form version, as a JavaScript module for the browser (query locale)',
    handler: async ({ params, query }) => {
      const version = Number(params.version);
      if (!Number.isInteger(version) || version < 1) throw new DomainError('version.notFound', { version: params.version });
      const locale = query.locale;
      if (!LOCALES.includes(locale as Locale))
        throw new DomainError(
          'query.badLocale',
          { locales: LOCALES.join(', ') },
          { details: [domainDetail('/query/locale', locale === undefined ? 'detail.required' : 'detail.unknownLocale', {})] },
        );
      const code = await services.validators.module(params.id, version, locale as Locale);
      return new Download('text/javascript; charset=utf-8', code);
    },
  });
}

/** GET /roles: the published roles file. */
export function rolesRoute(services: Services): Route {
  return route(api.roles, {
    access: READ,
    summary: 'The published policy roles file',
    handler: async () => {
      const pack = await services.definitions.publishedPack();
      if (!pack.roles) throw new DomainError('roles.notPublished', {});
      return pack.roles.definition;
    },
  });
}
