import { AppError } from '../../../errors/AppError.js';
import { recordWritten } from '../../auditEntries.js';
import { decodeEvaluation, encodeEvaluation } from '../../evaluationCodec.js';
import type { RecordsRepository } from '../../ports/RecordsRepository.js';
import type { RecordFilter, RecordWrite, StoredRecord } from '../../types.js';
import { GroupCommit } from '../GroupCommit.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import type { SqliteApprovalsRepository } from './ApprovalsRepository.js';
import type { SqliteAuditRepository } from './AuditRepository.js';
import type { SqliteDeadlinesRepository } from './DeadlinesRepository.js';
import type { SqliteFilesRepository } from './FilesRepository.js';
import type { SqliteFinesRepository } from './FinesRepository.js';
import type { SqliteNotificationsRepository } from './NotificationsRepository.js';

/** What a record write posts besides the record, each in the write's transaction. */
export interface RecordWriteParts {
  files: SqliteFilesRepository;
  approvals: SqliteApprovalsRepository;
  deadlines: SqliteDeadlinesRepository;
  fines: SqliteFinesRepository;
  notifications: SqliteNotificationsRepository;
  audit: SqliteAuditRepository;
}

export class SqliteRecordsRepository implements RecordsRepository {
  /** Record writes that arrive in the same turn of the event loop share one transaction (one fsync). */
  private readonly commits: GroupCommit<RecordWrite>;

  constructor(
    private readonly database: SqliteDatabase,
    private readonly parts: RecordWriteParts,
  ) {
    this.commits = new GroupCommit(database, (write) => this.writeOne(write));
  }

  writeRecord(write: RecordWrite): Promise<void> {
    return this.commits.submit(write);
  }

  /** Commits the writes still waiting (before the database closes). */
  flush(): void {
    this.commits.flush();
  }

  /** One record write, in a savepoint of the batch's transaction. */
  private writeOne(write: RecordWrite): void {
    const { record, previous } = write;
    if (previous) {
      const changed = this.database
        .stmt(
          'UPDATE records SET form_version = ?, rule_set_versions = ?, status = ?, data = ?, evaluation = ?, store = ?, assignee = ?, updated_at = ?, rev = ? WHERE id = ? AND rev = ?',
        )
        .run(
          record.formVersion,
          json(record.ruleSetVersions),
          record.status,
          json(record.data),
          encodeEvaluation(record.evaluation),
          record.store,
          record.assignee,
          record.updatedAt,
          record.rev,
          record.id,
          previous.rev,
        ).changes;
      if (changed === 0)
        throw new AppError('conflict', 'the record was changed by someone else; reload it and try again', {
          messageZh: '记录已被他人修改，请刷新后再试',
        });
    } else {
      this.database
        .stmt(
          `INSERT INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by,
             created_at, updated_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.id,
          record.formId,
          record.formVersion,
          json(record.ruleSetVersions),
          record.status,
          json(record.data),
          encodeEvaluation(record.evaluation),
          record.store,
          record.assignee,
          record.createdBy,
          record.createdAt,
          record.updatedAt,
          record.rev,
        );
    }
    const created = { created: previous === null };
    this.parts.files.addReferences(record.id, record.data);
    this.parts.approvals.addRequested(record.id, write.approvals, created);
    this.parts.deadlines.rewrite(record.id, write.deadlines, created);
    for (const f of write.fines) this.parts.fines.insert(f);
    for (const n of write.notifications) this.parts.notifications.insert(n);
    this.parts.audit.append(recordWritten(write));
  }

  async getRecord(id: string) {
    return toRecord(this.database.stmt('SELECT * FROM records WHERE id = ?').get(id) as Row | undefined);
  }
  async listRecords(filter: RecordFilter) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (filter.formId) add('form_id = ?', filter.formId);
    if (filter.createdBy) add('created_by = ?', filter.createdBy);
    if (filter.person) {
      where.push('(created_by = ? OR assignee = ?)');
      params.push(filter.person, filter.person);
    }
    if (filter.visibleTo) {
      const { username, stores } = filter.visibleTo;
      where.push(`(created_by = ? OR assignee = ?${stores.length > 0 ? ` OR store IN (${stores.map(() => '?').join(', ')})` : ''})`);
      params.push(username, username, ...stores);
    }
    if (filter.status) add('status = ?', filter.status);
    if (filter.assignee) add('assignee = ?', filter.assignee);
    if (filter.store) add('store = ?', filter.store);
    if (filter.createdFrom) add('created_at >= ?', filter.createdFrom);
    if (filter.createdTo) add('created_at <= ?', filter.createdTo);
    if (filter.dataRange) {
      const { field, kind, from, to } = filter.dataRange;
      // Values may carry any offset: date-times compare as instants (julianday reads the offset), dates as text.
      const value = kind === 'date' ? 'json_extract(data, ?)' : 'julianday(json_extract(data, ?))';
      const bound = kind === 'date' ? '?' : 'julianday(?)';
      where.push(`${value} IS NOT NULL`);
      params.push(`$.${field}`);
      if (from) {
        where.push(`${value} >= ${bound}`);
        params.push(`$.${field}`, from);
      }
      if (to) {
        where.push(`${value} <= ${bound}`);
        params.push(`$.${field}`, to);
      }
    }
    if (filter.deadlineState) add('id IN (SELECT record_id FROM deadlines WHERE state = ?)', filter.deadlineState);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((this.database.stmt(`SELECT COUNT(*) AS n FROM records ${clause}`).get(...params) as Row).n);
    const after = filter.after;
    const paged = after ? `${clause ? `${clause} AND` : 'WHERE'} (created_at < ? OR (created_at = ? AND id < ?))` : clause;
    const rows = this.database
      .stmt(`SELECT * FROM records ${paged} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...params, ...(after ? [after[0], after[0], after[1]] : []), filter.limit, after ? 0 : filter.offset) as Row[];
    return { items: rows.map((r) => toRecord(r)!), total };
  }
}

function toRecord(row: Row | undefined): StoredRecord | null {
  if (!row) return null;
  return {
    id: String(row.id),
    formId: String(row.form_id),
    formVersion: Number(row.form_version),
    ruleSetVersions: parse(row.rule_set_versions),
    status: str(row.status),
    data: parse(row.data),
    evaluation: decodeEvaluation(row.evaluation),
    store: str(row.store),
    assignee: str(row.assignee),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    rev: Number(row.rev),
  };
}
