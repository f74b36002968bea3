import type { ClientSession } from 'mongodb';
import { archiveSet, draftDiscarded, draftSaved, versionPublished } from '../../auditEntries.js';
import { formOf } from '../../formOf.js';
import { nextVersion } from '../../nextVersion.js';
import type { DefinitionsRepository, PublishItem } from '../../ports/DefinitionsRepository.js';
import type { DocumentKind, DocumentState, PublishedVersion } from '../../types.js';
import { inSession, plain, type Counter, type MongoDatabase } from '../MongoDatabase.js';
import type { MongoAuditRepository } from './AuditRepository.js';

interface DocumentRow {
  kind: DocumentKind;
  id: string;
  form?: string;
  archived: boolean;
  draft: DocumentState['draft'];
}

export class MongoDefinitionsRepository implements DefinitionsRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly audit: MongoAuditRepository,
  ) {}

  async listDocuments(kind: DocumentKind) {
    const rows = await this.database.col('documents').find({ kind }).sort({ id: 1 }).toArray();
    return Promise.all(rows.map((row) => this.toState(plain<DocumentRow>(row)!)));
  }
  async getDocument(kind: DocumentKind, id: string) {
    const row = plain<DocumentRow>(await this.database.col('documents').findOne({ kind, id }));
    return row ? this.toState(row) : null;
  }
  private async toState(row: DocumentRow, session?: ClientSession): Promise<DocumentState> {
    const latest = plain<PublishedVersion>(
      await this.database.col('versions').findOne({ kind: row.kind, id: row.id }, { sort: { version: -1 }, ...inSession(session) }),
    );
    return {
      kind: row.kind,
      id: row.id,
      ...(row.form ? { form: row.form } : {}),
      archived: row.archived,
      published: latest,
      draft: row.draft ?? null,
    };
  }
  async saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string, at: string) {
    await this.database.transaction(async (session) => {
      const before = plain<DocumentRow>(await this.database.col('documents').findOne({ kind, id }, { session }))?.draft?.definition ?? null;
      const form = formOf(kind, definition);
      await this.database.col('documents').updateOne(
        { kind, id },
        {
          $set: { draft: { definition, updatedAt: at, updatedBy: actor }, ...(form ? { form } : {}) },
          $setOnInsert: { archived: false },
        },
        { upsert: true, session },
      );
      await this.audit.append(draftSaved(kind, id, before, definition, actor, at), session);
    });
  }
  async discardDraft(kind: DocumentKind, id: string, actor: string, at: string) {
    return this.database.transaction(async (session) => {
      const row = plain<DocumentRow>(await this.database.col('documents').findOne({ kind, id }, { session }));
      if (!row?.draft) return false;
      await this.database.col('documents').updateOne({ kind, id }, { $set: { draft: null } }, { session });
      await this.audit.append(draftDiscarded(kind, id, row.draft.definition, actor, at), session);
      return true;
    });
  }
  async setArchived(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string) {
    return this.database.transaction(async (session) => {
      const changed = (await this.database.col('documents').updateOne({ kind, id }, { $set: { archived } }, { session })).matchedCount > 0;
      if (changed) {
        await this.bumpGeneration(session);
        await this.audit.append(archiveSet(kind, id, archived, actor, at), session);
      }
      return changed;
    });
  }
  async publish(items: PublishItem[], actor: string, at: string) {
    return this.database.transaction(async (session) => {
      const results = [];
      for (const item of items) {
        const latest = plain<PublishedVersion>(
          await this.database.col('versions').findOne({ kind: item.kind, id: item.id }, { sort: { version: -1 }, session }),
        );
        const form = formOf(item.kind, item.definition);
        await this.database.col('documents').updateOne(
          { kind: item.kind, id: item.id },
          {
            $set: { ...(form ? { form } : {}), ...(item.clearDraft ? { draft: null } : {}) },
            $setOnInsert: { archived: false, ...(item.clearDraft ? {} : { draft: null }) },
          },
          { upsert: true, session },
        );
        const { version, created } = nextVersion(latest, item.hash);
        if (!created) {
          results.push({ kind: item.kind, id: item.id, version, created });
          continue;
        }
        const row: PublishedVersion = {
          kind: item.kind,
          id: item.id,
          version,
          definition: item.definition,
          hash: item.hash,
          publishedAt: at,
          publishedBy: actor,
          ...(item.note ? { note: item.note } : {}),
        };
        await this.database.col('versions').insertOne({ ...row }, { session });
        await this.bumpGeneration(session);
        await this.audit.append(versionPublished(item, version, latest?.definition ?? null, actor, at), session);
        results.push({ kind: item.kind, id: item.id, version, created });
      }
      return results;
    });
  }
  async definitionsGeneration() {
    return (await this.database.col<Counter>('counters').findOne({ _id: 'generation' }))?.value ?? 0;
  }
  private async bumpGeneration(session: ClientSession) {
    await this.database.col<Counter>('counters').updateOne({ _id: 'generation' }, { $inc: { value: 1 } }, { upsert: true, session });
  }
  async listVersions(kind: DocumentKind, id: string) {
    const rows = await this.database
      .col('versions')
      .find({ kind, id }, { projection: { definition: 0 } })
      .sort({ version: -1 })
      .toArray();
    return rows.map((r) => plain<Omit<PublishedVersion, 'definition'>>(r)!);
  }
  async getVersion(kind: DocumentKind, id: string, version: number) {
    return plain<PublishedVersion>(await this.database.col('versions').findOne({ kind, id, version }));
  }
}
