import { api } from '@aftersales/contract';
import type { ApiClient } from './ApiClient';
import type { DefinitionOf, DocumentDetail, DocumentKind, DocumentSummary, PublishedVersion, VersionInfo } from './types';

const ENDPOINTS = { forms: api.forms, ruleSets: api.ruleSets } as const;

/**
 * Forms and rule sets share one versioning model: a draft, immutable published versions, rollback
 * (the endpoints of packages/contract endpoints/definitions.ts).
 */
export function documentsApi<K extends DocumentKind>(client: ApiClient, kind: K) {
  type D = DefinitionOf<K>;
  const e = ENDPOINTS[kind];
  const detail = async (id: string) => (await client.call(e.get, { params: { id } })) as DocumentDetail<D>;
  return {
    async list(query: { form?: string; archived?: boolean } = {}): Promise<DocumentSummary[]> {
      const archived = query.archived === undefined ? undefined : String(query.archived);
      return (await client.call(e.list, { query: { ...(query.form ? { form: query.form } : {}), ...(archived ? { archived } : {}) } }))
        .items;
    },
    get: detail,
    /** What a duplicate starts from: a copy of the draft, else of the published definition (null: neither). */
    async definitionToCopy(id: string): Promise<D | null> {
      const source = await detail(id);
      const definition = source.draft?.definition ?? source.published?.definition;
      return definition ? structuredClone(definition) : null;
    },
    async create(definition: D): Promise<void> {
      await client.call(e.create, { body: { definition: definition as unknown as Record<string, unknown> } });
    },
    async saveDraft(id: string, definition: D): Promise<void> {
      await client.call(e.saveDraft, { params: { id }, body: { definition: definition as unknown as Record<string, unknown> } });
    },
    async discardDraft(id: string): Promise<void> {
      await client.call(e.discardDraft, { params: { id } });
    },
    publish: (id: string, note?: string) => client.call(e.publish, { params: { id }, body: note ? { note } : {} }),
    /** Archive, or restore with `archived: false`. */
    async archive(id: string, archived = true): Promise<void> {
      await client.call(e.archive, { params: { id }, body: { archived } });
    },
    async versions(id: string): Promise<VersionInfo[]> {
      return (await client.call(e.versions, { params: { id } })).items;
    },
    async version(id: string, version: number): Promise<PublishedVersion<D>> {
      return (await client.call(e.version, { params: { id, version: String(version) } })) as PublishedVersion<D>;
    },
    rollback: (id: string, version: number) => client.call(e.rollback, { params: { id }, body: { version } }),
  };
}
