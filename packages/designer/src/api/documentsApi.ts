import type { ApiClient } from './ApiClient';
import type { DefinitionOf, DocumentDetail, DocumentKind, DocumentSummary, PublishedVersion, VersionInfo } from './types';

const PATHS: Record<DocumentKind, string> = { forms: '/forms', ruleSets: '/rule-sets' };

/**
 * Forms and rule sets share one versioning model: a draft, immutable published versions, rollback.
 * GET    {base}                         list (?form= for rule sets, ?archived=true)
 * POST   {base}                         create a draft { definition }
 * GET    {base}/:id                     { published, draft, archived }
 * PUT    {base}/:id/draft               save the draft { definition }
 * DELETE {base}/:id/draft               discard the draft
 * POST   {base}/:id/publish             publish the draft -> { version }
 * POST   {base}/:id/archive             archive (hidden from staff, kept for history); { archived: false } restores
 * GET    {base}/:id/versions            [{ version, publishedAt, publishedBy }]
 * GET    {base}/:id/versions/:version   { version, definition }
 * POST   {base}/:id/rollback            { version } -> publishes that version again as a new one
 */
export function documentsApi<K extends DocumentKind>(client: ApiClient, kind: K) {
  type D = DefinitionOf<K>;
  const base = PATHS[kind];
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  return {
    async list(query: { form?: string; archived?: boolean } = {}): Promise<DocumentSummary[]> {
      const body = await client.get<unknown>(base, query);
      return listOf<Record<string, unknown>>(body).map(toSummary);
    },
    async get(id: string): Promise<DocumentDetail<D>> {
      const body = await client.get<Record<string, unknown>>(one(id));
      return toDetail<D>(id, body);
    },
    /** What a duplicate starts from: a copy of the draft, else of the published definition (null: neither). */
    async definitionToCopy(id: string): Promise<D | null> {
      const source = toDetail<D>(id, await client.get<Record<string, unknown>>(one(id)));
      const definition = source.draft?.definition ?? source.published?.definition;
      return definition ? structuredClone(definition) : null;
    },
    async create(definition: D): Promise<void> {
      await client.post(base, { definition });
    },
    async saveDraft(id: string, definition: D): Promise<void> {
      await client.put(`${one(id)}/draft`, { definition });
    },
    async discardDraft(id: string): Promise<void> {
      await client.delete(`${one(id)}/draft`);
    },
    async publish(id: string, note?: string): Promise<{ version: number }> {
      const body = await client.post<{ version?: number }>(`${one(id)}/publish`, note ? { note } : {});
      return { version: body?.version ?? 0 };
    },
    /** Archive, or restore with `archived: false`. */
    async archive(id: string, archived = true): Promise<void> {
      await client.post(`${one(id)}/archive`, { archived });
    },
    async versions(id: string): Promise<VersionInfo[]> {
      return listOf<VersionInfo>(await client.get<unknown>(`${one(id)}/versions`));
    },
    async version(id: string, version: number): Promise<PublishedVersion<D>> {
      const body = await client.get<PublishedVersion<D> & { content?: D }>(`${one(id)}/versions/${version}`);
      return { ...body, definition: body.definition ?? body.content! };
    },
    async rollback(id: string, version: number): Promise<{ version: number }> {
      const body = await client.post<{ version?: number }>(`${one(id)}/rollback`, { version });
      return { version: body?.version ?? 0 };
    },
  };
}

/** A list body: an array, or `{ items }`. */
export function listOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    const items = (body as { items?: unknown; data?: unknown }).items ?? (body as { data?: unknown }).data;
    if (Array.isArray(items)) return items as T[];
  }
  return [];
}

function toSummary(raw: Record<string, unknown>): DocumentSummary {
  const published = raw.published as { version?: number; definition?: { title?: unknown } } | null | undefined;
  const draft = raw.draft as { definition?: { title?: unknown } } | null | undefined;
  const title = (raw.title ??
    draft?.definition?.title ??
    published?.definition?.title ?? { 'zh-CN': raw.id, en: raw.id }) as DocumentSummary['title'];
  return {
    id: String(raw.id),
    title,
    ...(typeof raw.form === 'string' ? { form: raw.form } : {}),
    publishedVersion: (raw.publishedVersion as number | null | undefined) ?? published?.version ?? null,
    hasDraft: Boolean(raw.hasDraft ?? draft),
    archived: Boolean(raw.archived),
    ...(typeof raw.updatedAt === 'string' ? { updatedAt: raw.updatedAt } : {}),
  };
}

function toDetail<D>(id: string, raw: Record<string, unknown>): DocumentDetail<D> {
  return {
    id,
    published: (raw.published as DocumentDetail<D>['published']) ?? null,
    draft: (raw.draft as DocumentDetail<D>['draft']) ?? null,
    archived: Boolean(raw.archived),
  };
}
