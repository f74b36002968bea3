import type { ClientSession } from 'mongodb';
import { auditRecordId, type AuditInput } from '../../auditEntries.js';
import type { AuditRepository } from '../../ports/AuditRepository.js';
import type { AuditPageFilter, KeysetPage } from '../../paging.js';
import { keysetPage } from '../keysetPage.js';
import type { AuditEntry } from '../../types.js';
import type { Counter, MongoDatabase } from '../MongoDatabase.js';

export class MongoAuditRepository implements AuditRepository {
  constructor(private readonly database: MongoDatabase) {}

  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number }) {
    return (await this.pageAudit(filter)).items;
  }
  /** By id descending, on the indexes { recordId, id: -1 }, { entity, entityId, id: -1 } and { id: -1 } (entities left out are filtered on that walk). */
  async pageAudit(filter: AuditPageFilter): Promise<KeysetPage<AuditEntry>> {
    const entity = entityCondition(filter);
    const query = {
      ...(filter.recordId ? { recordId: filter.recordId } : {}),
      ...(entity ? { entity } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
    };
    return keysetPage<AuditEntry>(
      this.database,
      'audit',
      query,
      filter.after ? { id: { $lt: filter.after[0] } } : null,
      { id: -1 },
      filter.limit,
    );
  }
  async appendAudit(entry: AuditInput) {
    await this.database.transaction((session) => this.append(entry, session));
  }

  /** Appends an entry in the caller's transaction; ids grow by one per entry, from a counter in the same transaction. */
  async append(entry: AuditInput, session: ClientSession): Promise<void> {
    const counter = await this.database
      .col<Counter>('counters')
      .findOneAndUpdate({ _id: 'audit' }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after', session });
    await this.database.col('audit').insertOne(auditDoc(counter?.value ?? 0, entry), { session });
  }

  /** Appends a batch in the caller's transaction: one counter step for the whole batch. */
  async appendMany(entries: readonly AuditInput[], session: ClientSession): Promise<void> {
    if (entries.length === 0) return;
    const counter = await this.database
      .col<Counter>('counters')
      .findOneAndUpdate({ _id: 'audit' }, { $inc: { value: entries.length } }, { upsert: true, returnDocument: 'after', session });
    const first = (counter?.value ?? entries.length) - entries.length + 1;
    await this.database.col('audit').insertMany(
      entries.map((entry, i) => auditDoc(first + i, entry)),
      { session },
    );
  }
}

/** The entity an entry must be (`entity`) and must not be (`exceptEntities`); null: any. */
function entityCondition(filter: AuditPageFilter): { $eq?: AuditEntry['entity']; $nin?: AuditEntry['entity'][] } | null {
  const except = filter.exceptEntities ?? [];
  if (!filter.entity && except.length === 0) return null;
  return { ...(filter.entity ? { $eq: filter.entity } : {}), ...(except.length > 0 ? { $nin: [...except] } : {}) };
}

/** An entry as stored: numbered, with the record it is about (auditRecordId) when it is about one. */
function auditDoc(id: number, entry: AuditInput) {
  const { recordId: _given, ...rest } = entry;
  const recordId = auditRecordId(entry);
  return { id, ...rest, ...(recordId === null ? {} : { recordId }) };
}
