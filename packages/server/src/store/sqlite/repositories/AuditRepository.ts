import { auditRecordId, type AuditInput } from '../../auditEntries.js';
import type { AuditRepository } from '../../ports/AuditRepository.js';
import type { AuditPageFilter, KeysetPage } from '../../paging.js';
import { keysetPage } from '../keysetPage.js';
import type { AuditEntry } from '../../types.js';
import { json, parse, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import { Where } from '../where.js';

export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number }) {
    return (await this.pageAudit(filter)).items;
  }
  /**
   * By id descending: a record's history walks audit_record, an entity's entries audit_entity (the
   * rows of one key are in id order in either), the whole log the primary key; entities left out
   * are skipped on that walk (and so are neither on a page nor in the total).
   */
  async pageAudit(filter: AuditPageFilter): Promise<KeysetPage<AuditEntry>> {
    const where = new Where();
    if (filter.recordId) where.add('record_id = ?', filter.recordId);
    if (filter.entity) where.add('entity = ?', filter.entity);
    if (filter.entityId) where.add('entity_id = ?', filter.entityId);
    const except = filter.exceptEntities ?? [];
    if (except.length > 0) where.add(`entity NOT IN (${except.map(() => '?').join(', ')})`, ...except);
    const after = filter.after;
    return keysetPage(this.database, where, 'audit', 'id DESC', filter, toAuditEntry, () =>
      after ? where.with('id < ?', after[0]) : where,
    );
  }
  async appendAudit(entry: AuditInput) {
    this.append(entry);
  }

  /** Appends an entry inside the caller's transaction (the unit of work it records). */
  append(entry: AuditInput): void {
    this.database
      .stmt('INSERT INTO audit (at, actor, entity, entity_id, action, before, after, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.entity, entry.entityId, entry.action, json(entry.before), json(entry.after), auditRecordId(entry));
  }
}

function toAuditEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: String(r.at),
    actor: String(r.actor),
    entity: String(r.entity) as AuditEntry['entity'],
    entityId: String(r.entity_id),
    action: String(r.action),
    before: r.before === null ? null : parse(r.before),
    after: r.after === null ? null : parse(r.after),
    ...(typeof r.record_id === 'string' ? { recordId: r.record_id } : {}),
  };
}
