import { archiveSet, draftDiscarded, draftSaved, versionPublished } from '../../auditEntries.js';
import { formOf } from '../../formOf.js';
import { nextVersion } from '../../nextVersion.js';
import type { DefinitionsRepository, PublishItem } from '../../ports/DefinitionsRepository.js';
import type { DocumentKind, DocumentState, PublishedVersion } from '../../types.js';
import { json, parse, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import type { SqliteAuditRepository } from './AuditRepository.js';

export class SqliteDefinitionsRepository implements DefinitionsRepository {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly audit: SqliteAuditRepository,
  ) {}

  async listDocuments(kind: DocumentKind) {
    const rows = this.database.stmt('SELECT id FROM documents WHERE kind = ? ORDER BY id').all(kind) as Row[];
    return rows.map((r) => this.document(kind, String(r.id))!);
  }
  async getDocument(kind: DocumentKind, id: string) {
    return this.document(kind, id);
  }
  private document(kind: DocumentKind, id: string): DocumentState | null {
    const doc = this.database.stmt('SELECT * FROM documents WHERE kind = ? AND id = ?').get(kind, id) as Row | undefined;
    if (!doc) return null;
    const latest = this.database.stmt('SELECT * FROM versions WHERE kind = ? AND id = ? ORDER BY version DESC LIMIT 1').get(kind, id) as
      Row | undefined;
    return {
      kind,
      id,
      ...(doc.form ? { form: doc.form as string } : {}),
      archived: Boolean(doc.archived),
      published: latest ? toVersion(latest) : null,
      draft: doc.draft
        ? { definition: parse(doc.draft), updatedAt: String(doc.draft_updated_at), updatedBy: String(doc.draft_updated_by) }
        : null,
    };
  }
  async saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string, at: string) {
    const form = formOf(kind, definition);
    this.database.transaction(() => {
      const before = this.document(kind, id)?.draft?.definition ?? null;
      this.database
        .stmt(
          `INSERT INTO documents (kind, id, form, draft, draft_updated_at, draft_updated_by) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (kind, id) DO UPDATE SET draft = excluded.draft, draft_updated_at = excluded.draft_updated_at,
           draft_updated_by = excluded.draft_updated_by, form = COALESCE(excluded.form, documents.form)`,
        )
        .run(kind, id, form, json(definition), at, actor);
      this.audit.append(draftSaved(kind, id, before, definition, actor, at));
    });
  }
  async discardDraft(kind: DocumentKind, id: string, actor: string, at: string) {
    return this.database.transaction(() => {
      const before = this.document(kind, id)?.draft?.definition;
      if (before === undefined) return false;
      this.clearDraft(kind, id);
      this.audit.append(draftDiscarded(kind, id, before, actor, at));
      return true;
    });
  }
  private clearDraft(kind: DocumentKind, id: string) {
    this.database
      .stmt('UPDATE documents SET draft = NULL, draft_updated_at = NULL, draft_updated_by = NULL WHERE kind = ? AND id = ?')
      .run(kind, id);
  }
  async setArchived(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string) {
    return this.database.transaction(() => {
      const changed =
        this.database.stmt('UPDATE documents SET archived = ? WHERE kind = ? AND id = ?').run(archived ? 1 : 0, kind, id).changes > 0;
      if (changed) {
        this.bumpGeneration();
        this.audit.append(archiveSet(kind, id, archived, actor, at));
      }
      return changed;
    });
  }
  async publish(items: PublishItem[], actor: string, at: string) {
    return this.database.transaction(() =>
      items.map((item) => {
        const latest = this.database
          .stmt('SELECT version, hash, definition FROM versions WHERE kind = ? AND id = ? ORDER BY version DESC LIMIT 1')
          .get(item.kind, item.id) as Row | undefined;
        this.database
          .stmt(
            'INSERT INTO documents (kind, id, form) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET form = COALESCE(excluded.form, documents.form)',
          )
          .run(item.kind, item.id, formOf(item.kind, item.definition));
        if (item.clearDraft) this.clearDraft(item.kind, item.id);
        const { version, created } = nextVersion(latest ? { version: Number(latest.version), hash: String(latest.hash) } : null, item.hash);
        if (!created) return { kind: item.kind, id: item.id, version, created };
        this.database
          .stmt(
            'INSERT INTO versions (kind, id, version, definition, hash, published_at, published_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(item.kind, item.id, version, json(item.definition), item.hash, at, actor, item.note ?? null);
        this.bumpGeneration();
        this.audit.append(versionPublished(item, version, latest ? parse(latest.definition) : null, actor, at));
        return { kind: item.kind, id: item.id, version, created };
      }),
    );
  }
  async definitionsGeneration() {
    return Number((this.database.stmt('SELECT value FROM generation WHERE id = 1').get() as Row).value);
  }
  private bumpGeneration() {
    this.database.stmt('UPDATE generation SET value = value + 1 WHERE id = 1').run();
  }
  async listVersions(kind: DocumentKind, id: string) {
    const rows = this.database
      .stmt(
        'SELECT kind, id, version, hash, published_at, published_by, note FROM versions WHERE kind = ? AND id = ? ORDER BY version DESC',
      )
      .all(kind, id) as Row[];
    return rows.map((r) => {
      const { definition: _definition, ...rest } = toVersion({ ...r, definition: 'null' });
      return rest;
    });
  }
  async getVersion(kind: DocumentKind, id: string, version: number) {
    const row = this.database.stmt('SELECT * FROM versions WHERE kind = ? AND id = ? AND version = ?').get(kind, id, version) as
      Row | undefined;
    return row ? toVersion(row) : null;
  }
}

function toVersion(row: Row): PublishedVersion {
  return {
    kind: String(row.kind) as DocumentKind,
    id: String(row.id),
    version: Number(row.version),
    definition: parse(row.definition),
    hash: String(row.hash),
    publishedAt: String(row.published_at),
    publishedBy: String(row.published_by),
    ...(row.note ? { note: row.note as string } : {}),
  };
}
