import { Binary, type ClientSession, type Document } from 'mongodb';
import { DomainError } from '../../../errors/DomainError.js';
import { approvalAsked, recordWritten } from '../../auditEntries.js';
import { decodeEvaluation, encodeEvaluation } from '../../evaluationCodec.js';
import type { RecordsRepository } from '../../ports/RecordsRepository.js';
import type { RecordFilter, RecordHeader, RecordWrite, StoredRecord } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import type { MongoApprovalsRepository } from './ApprovalsRepository.js';
import type { MongoAuditRepository } from './AuditRepository.js';
import type { MongoDeadlinesRepository } from './DeadlinesRepository.js';
import type { MongoFilesRepository } from './FilesRepository.js';
import type { MongoFinesRepository } from './FinesRepository.js';
import type { MongoNotificationsRepository } from './NotificationsRepository.js';
import type { HistoryAggregate, RecordCountFilter, RecordPageFilter } from '../../paging.js';
import * as dashboard from '../queries/dashboard.js';
import * as history from '../queries/history.js';
import * as records from '../queries/records.js';
import type { ImpactPartition, ImpactRowFilter } from '../../impactRows.js';
import * as impact from '../queries/impact.js';
import * as links from '../queries/links.js';
import type { AssignedFilter } from '../../assignedRecords.js';
import { renderNumber } from '../../numbering.js';
import { assignedRecordDocs } from '../queries/assignedRecords.js';
import { nextCounter } from '../queries/counters.js';
import type { MongoTallies } from '../tallies.js';

/** What a record write posts besides the record, each in the write's transaction. */
export interface RecordWriteParts {
  files: MongoFilesRepository;
  approvals: MongoApprovalsRepository;
  deadlines: MongoDeadlinesRepository;
  fines: MongoFinesRepository;
  notifications: MongoNotificationsRepository;
  audit: MongoAuditRepository;
  /** Dashboard tallies: the record's counts and its deadlines' compliance, kept in the write's transaction. */
  tallies: MongoTallies;
}

/** Records use optimistic concurrency on `rev`; a write and everything it posts is one transaction. */
export class MongoRecordsRepository implements RecordsRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly parts: RecordWriteParts,
  ) {}

  async writeRecord(write: RecordWrite) {
    await this.database.transaction((session) => this.writeOne(write, session));
  }

  /** One record write (and the writes it makes of linked records), in the caller's transaction. */
  private async writeOne(write: RecordWrite, session: ClientSession): Promise<void> {
    const { record, previous } = write;
    {
      // The number is taken in the record's transaction: an aborted write gives it back.
      if (write.numbering && !previous)
        record.data = {
          ...record.data,
          [write.numbering.field]: renderNumber(write.numbering, await nextCounter(this.database.db, write.numbering.key, session)),
        };
      const records = this.database.col('records');
      const before = await this.parts.tallies.before(previous, session);
      if (previous) {
        const result = await records.replaceOne({ id: record.id, rev: previous.rev }, recordDoc(record), { session });
        if (result.matchedCount === 0) throw new DomainError('record.changedMeanwhile', {});
      } else {
        await records.insertOne(recordDoc(record), { session });
      }
      await this.parts.files.addReferences(record.id, record.data, session);
      const asked = await this.parts.approvals.addRequested(record.id, record.store, write.approvals, previous === null, session);
      await this.parts.deadlines.rewrite(record.id, write.deadlines, session);
      await this.parts.tallies.recordWritten(before, record, session);
      for (const fine of write.fines) await this.parts.fines.upsert(fine, session);
      for (const n of write.notifications) await this.parts.notifications.upsert(n, session);
      await this.parts.audit.appendMany([recordWritten(write), ...asked.map((a) => approvalAsked(a, write.actor))], session);
      if (write.links) await links.rewrite(this.database, record.id, write.links, record.createdAt, session);
      for (const follow of write.linked ?? []) await this.writeOne(follow, session);
    }
  }
  async getRecord(id: string) {
    return fromRecordDoc(await this.database.col('records').findOne({ id }));
  }
  async listRecords(filter: RecordFilter) {
    const query: Document = {};
    if (filter.formId) query.formId = filter.formId;
    if (filter.createdBy) query.createdBy = filter.createdBy;
    const and: Document[] = [];
    if (filter.person) and.push({ $or: [{ createdBy: filter.person }, { assignee: filter.person }] });
    if (filter.visibleTo) {
      const { username, stores } = filter.visibleTo;
      and.push({ $or: [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }] });
    }
    if (and.length > 0) query.$and = and;
    if (filter.status) query.status = filter.status;
    if (filter.assignee) query.assignee = filter.assignee;
    if (filter.store) query.store = filter.store;
    if (filter.createdFrom || filter.createdTo)
      query.createdAt = {
        ...(filter.createdFrom ? { $gte: filter.createdFrom } : {}),
        ...(filter.createdTo ? { $lte: filter.createdTo } : {}),
      };
    if (filter.dataRange) {
      const { field, kind, from, to } = filter.dataRange;
      if (kind === 'date') query[`data.${field}`] = { $type: 'string', ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
      else {
        // Values may carry any offset: compared as instants.
        const at = { $dateFromString: { dateString: `$data.${field}`, onError: null, onNull: null } };
        query.$expr = {
          $and: [{ $ne: [at, null] }, ...(from ? [{ $gte: [at, new Date(from)] }] : []), ...(to ? [{ $lte: [at, new Date(to)] }] : [])],
        };
      }
    }
    if (filter.deadlineState)
      query.id = { $in: await this.database.col('deadlines').distinct('recordId', { state: filter.deadlineState }) };
    const [items, total] = await Promise.all([
      this.database
        .col('records')
        .find(
          filter.after
            ? {
                $and: [
                  query,
                  { $or: [{ createdAt: { $lt: filter.after[0] } }, { createdAt: filter.after[0], id: { $lt: filter.after[1] } }] },
                ],
              }
            : query,
        )
        .sort({ createdAt: -1, id: -1 })
        .skip(filter.after ? 0 : filter.offset)
        .limit(filter.limit)
        .toArray(),
      this.database.col('records').countDocuments(query),
    ]);
    return { items: items.map((r) => fromRecordDoc(r)!), total };
  }
  async pageRecords(filter: RecordPageFilter) {
    const page = await records.pageRecords(this.database.db, filter);
    return { ...page, items: page.items.map(fromRecordHeaderDoc) };
  }
  /** MongoDB keeps its indexes tidy itself. */
  async tidySearch(_pages: number) {
    return false;
  }
  async recordCounts(filter: RecordCountFilter) {
    return dashboard.recordCounts(this.database.db, filter, this.parts.tallies);
  }
  async assignedRecords(filter: AssignedFilter) {
    const docs = await assignedRecordDocs(this.database.db, filter);
    return {
      items: docs.slice(0, filter.limit).map((doc) => {
        const { nextDue, ...record } = doc;
        return { record: fromRecordHeaderDoc(record), nextDue: typeof nextDue === 'string' ? nextDue : null };
      }),
      more: docs.length > filter.limit,
    };
  }
  async historyAggregate(query: HistoryAggregate) {
    return history.historyAggregate(this.database.db, query);
  }
  async linkingRecords(toId: string, limit: number) {
    return (await links.linkingRecordDocs(this.database, toId, limit)).map((r) => fromRecordDoc(r)!);
  }
  async impactRows(filter: ImpactRowFilter) {
    return impact.impactRows(this.database.db, filter);
  }
  async impactRowCount(filter: Omit<ImpactRowFilter, 'limit' | 'after'>) {
    return impact.impactRowCount(this.database.db, filter);
  }
  /** A worker thread has no client of its own: the replay reads through impactRows. */
  async impactPartition(): Promise<ImpactPartition | null> {
    return null;
  }
}

/** A record as stored: its evaluation deflated (see evaluationCodec); one stored before as a plain document still reads. */
function recordDoc(record: StoredRecord): Document {
  return { ...record, evaluation: new Binary(encodeEvaluation(record.evaluation)), searchValues: records.searchValuesOf(record) };
}
function fromRecordDoc(doc: Document | null): StoredRecord | null {
  const found = plain<StoredRecord & { evaluation: unknown; searchValues?: string[] }>(doc);
  if (!found) return null;
  const { searchValues: _search, ...record } = found;
  const stored = record.evaluation;
  return { ...record, evaluation: decodeEvaluation(stored instanceof Binary ? Buffer.from(stored.buffer) : stored) };
}

/** A record document read without its evaluation (`pageRecords` leaves it out). */
function fromRecordHeaderDoc(doc: Document): RecordHeader {
  const {
    searchValues: _search,
    evaluation: _evaluation,
    ...record
  } = plain<RecordHeader & { evaluation?: unknown; searchValues?: string[] }>(doc)!;
  return record;
}
