import type { AuditInput } from '../../auditEntries.js';
import type { AuditRepository } from '../../ports/AuditRepository.js';
import type { AuditEntry } from '../../types.js';
import { json, parse, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import { Where } from '../where.js';

export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly database: SqliteDatabase) {}

  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number; beforeId?: number }) {
    const where = new Where();
    if (filter.entity) where.add('entity = ?', filter.entity);
    if (filter.entityId) where.add('entity_id = ?', filter.entityId);
    if (filter.beforeId !== undefined) where.add('id < ?', filter.beforeId);
    const rows = this.database
      .stmt(`SELECT * FROM audit ${where.clause()} ORDER BY id DESC LIMIT ?`)
      .all(...where.params, filter.limit) as Row[];
    return rows.map(toAuditEntry);
  }
  async appendAudit(entry: AuditInput) {
    this.append(entry);
  }

  /** Appends an entry inside the caller's transaction (the unit of work it records). */
  append(entry: AuditInput): void {
    this.database
      .stmt('INSERT INTO audit (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.entity, entry.entityId, entry.action, json(entry.before), json(entry.after));
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
  };
}
