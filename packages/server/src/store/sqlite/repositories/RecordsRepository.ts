import { DomainError } from '../../../errors/DomainError.js';
import { approvalAsked, recordWritten } from '../../auditEntries.js';
import { decodeEvaluation, encodeEvaluation } from '../../evaluationCodec.js';
import type { RecordsRepository } from '../../ports/RecordsRepository.js';
import type { RecordFilter, RecordHeader, RecordWrite, StoredRecord } from '../../types.js';
import { GroupCommit } from '../GroupCommit.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import type { SqliteApprovalsRepository } from './ApprovalsRepository.js';
import type { SqliteAuditRepository } from './AuditRepository.js';
import type { SqliteDeadlinesRepository } from './DeadlinesRepository.js';
import type { SqliteFilesRepository } from './FilesRepository.js';
import type { SqliteFinesRepository } from './FinesRepository.js';
import type { SqliteNotificationsRepository } from './NotificationsRepository.js';
import type { HistoryAggregate, RecordCountFilter, RecordPageFilter } from '../../paging.js';
import * as dashboard from '../queries/dashboard.js';
import * as history from '../queries/history.js';
import * as records from '../queries/records.js';
import type { ImpactRowFilter } from '../../impactRows.js';
import * as impact from '../queries/impact.js';
import * as links from '../queries/links.js';
import type { AssignedFilter } from '../../assignedRecords.js';
import { renderNumber } from '../../numbering.js';
import { assignedRecordRows } from '../queries/assignedRecords.js';
import { nextCounter } from '../queries/counters.js';

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
    // The number first: it takes the write lock, and rolls back with the record if the write fails.
    if (write.numbering && !previous)
      record.data = {
        ...record.data,
        [write.numbering.field]: renderNumber(write.numbering, nextCounter(this.database.db, write.numbering.key)),
      };
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
      if (changed === 0) throw new DomainError('record.changedMeanwhile', {});
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
    const asked = this.parts.approvals.addRequested(record.id, record.store, write.approvals, created);
    this.parts.deadlines.rewrite(record.id, write.deadlines, created);
    for (const f of write.fines) this.parts.fines.insert(f);
    for (const n of write.notifications) this.parts.notifications.insert(n);
    this.parts.audit.append(recordWritten(write));
    for (const approval of asked) this.parts.audit.append(approvalAsked(approval, write.actor));
    if (write.links) links.rewrite(this.database, record.id, write.links, record.createdAt);
    for (const follow of write.linked ?? []) this.writeOne(follow);
  }

  async getRecord(id: string) {
    return toRecord(this.database.stmt('SELECT * FROM records WHERE id = ?').get(id) as Row | undefined);
  }
  async listRecords(filter: RecordFilter) {
    const { rows, total } = records.listRecords(this.database.db, filter);
    return { items: rows.map((r) => toRecord(r)!), total };
  }
  async pageRecords(filter: RecordPageFilter) {
    const page = records.pageRecords(this.database.db, filter);
    return { ...page, items: page.items.map(toRecordHeader) };
  }
  async tidySearch(pages: number) {
    return this.database.clockBatch(() => records.mergeRecordSearch(this.database.db, pages));
  }
  async recordCounts(filter: RecordCountFilter) {
    return dashboard.recordCounts(this.database.db, filter);
  }
  async assignedRecords(filter: AssignedFilter) {
    const rows = assignedRecordRows(this.database.db, filter);
    return {
      items: rows.slice(0, filter.limit).map((r) => ({ record: toRecordHeader(r), nextDue: str(r.next_due) })),
      more: rows.length > filter.limit,
    };
  }
  async historyAggregate(query: HistoryAggregate) {
    return history.historyAggregate(this.database.db, query);
  }
  async linkingRecords(toId: string, limit: number) {
    return links.linkingRecordRows(this.database, toId, limit).map((r) => toRecord(r)!);
  }
  async impactRows(filter: ImpactRowFilter) {
    return impact.impactRows(this.database.db, filter);
  }
  async impactRowCount(filter: Omit<ImpactRowFilter, 'limit' | 'after'>) {
    return impact.impactRowCount(this.database.db, filter);
  }
  /** Worker threads open the file read-only themselves (WAL: readers run beside the writer). */
  async impactPartition(filter: Omit<ImpactRowFilter, 'limit' | 'after' | 'fields'>, rowsPerPart: number) {
    return {
      source: { adapter: 'sqlite' as const, dataDir: this.database.dataDir },
      parts: impact.impactParts(this.database.db, filter, rowsPerPart),
    };
  }
}

function toRecord(row: Row | undefined): StoredRecord | null {
  if (!row) return null;
  return { ...toRecordHeader(row), evaluation: decodeEvaluation(row.evaluation) };
}

function toRecordHeader(row: Row): RecordHeader {
  return {
    id: String(row.id),
    formId: String(row.form_id),
    formVersion: Number(row.form_version),
    ruleSetVersions: parse(row.rule_set_versions),
    status: str(row.status),
    data: parse(row.data),
    store: str(row.store),
    assignee: str(row.assignee),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    rev: Number(row.rev),
  };
}
