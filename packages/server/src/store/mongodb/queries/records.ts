import type { Db, Document } from 'mongodb';
import { searchWords, type RecordPageFilter } from '../../paging.js';
import type { RecordFilter, StoredRecord } from '../../types.js';

/** Lists count their rows only up to this many; past it the total is "at least" (as in SQLite). */
export const COUNT_CAP = 10_000;

/**
 * The record's short text values (up to 64 characters: ticket no., phone, names, technician), with
 * its store and assignee, lower-cased: the `searchValues` field a record document carries for search
 * (multikey index `records_search`).
 */
export function searchValuesOf(record: Pick<StoredRecord, 'data' | 'store' | 'assignee'>): string[] {
  const values = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length > 0 && value.length <= 64) values.add(value.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(record.data);
  if (record.store) values.add(record.store.toLowerCase());
  if (record.assignee) values.add(record.assignee.toLowerCase());
  return [...values];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Indexes the record lists use (created at start-up with the others). */
export const RECORD_INDEXES: { key: Document; name: string }[] = [
  { key: { formId: 1, createdAt: -1, id: -1 }, name: 'records_form_created' },
  { key: { formId: 1, status: 1, createdAt: -1, id: -1 }, name: 'records_form_status' },
  { key: { store: 1, createdAt: -1, id: -1 }, name: 'records_store_created' },
  { key: { createdBy: 1, createdAt: -1, id: -1 }, name: 'records_creator' },
  { key: { assignee: 1, createdAt: -1, id: -1 }, name: 'records_assignee' },
  { key: { createdAt: -1, id: -1 }, name: 'records_created' },
  { key: { searchValues: 1 }, name: 'records_search' },
];

export async function createRecordIndexes(db: Db): Promise<void> {
  await db.collection('records').createIndexes(RECORD_INDEXES);
}

/** Every filter of a record list as one query (the deadline state is a $lookup stage of its own). */
export function recordQuery(filter: Omit<RecordPageFilter, 'limit' | 'after'> & Pick<RecordFilter, 'createdBy'>): Document {
  const and: Document[] = [];
  if (filter.formId) and.push({ formId: filter.formId });
  if (filter.createdBy) and.push({ createdBy: filter.createdBy });
  if (filter.person) and.push({ $or: [{ createdBy: filter.person }, { assignee: filter.person }] });
  if (filter.visibleTo) {
    const { username, stores } = filter.visibleTo;
    and.push({ $or: [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }] });
  }
  if (filter.status) and.push({ status: filter.status });
  if (filter.assignee) and.push({ assignee: filter.assignee });
  if (filter.store) and.push({ store: filter.store });
  if (filter.createdFrom) and.push({ createdAt: { $gte: filter.createdFrom } });
  if (filter.createdTo) and.push({ createdAt: { $lte: filter.createdTo } });
  if (filter.dataRange) {
    const { field, kind, from, to } = filter.dataRange;
    if (kind === 'date') and.push({ [`data.${field}`]: { $type: 'string', ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } });
    else {
      const at = { $dateFromString: { dateString: `$data.${field}`, onError: null, onNull: null } };
      and.push({
        $expr: {
          $and: [{ $ne: [at, null] }, ...(from ? [{ $gte: [at, new Date(from)] }] : []), ...(to ? [{ $lte: [at, new Date(to)] }] : [])],
        },
      });
    }
  }
  // 3 characters or more: anywhere in a value; 1–2: at the start of a value or of a word in it (as SQLite's two indexes).
  for (const word of searchWords(filter.search)) {
    const text = escapeRegex(word.toLowerCase());
    and.push({ searchValues: { $regex: [...word].length >= 3 ? text : `(^|[\\s\\p{P}])${text}`, $options: 'u' } });
  }
  return and.length > 0 ? { $and: and } : {};
}

/** Keeps records that have a deadline in `state` (a lookup on deadlines' {recordId, state} index per record walked). */
function deadlineStages(state: RecordPageFilter['deadlineState']): Document[] {
  if (!state) return [];
  return [
    {
      $lookup: {
        from: 'deadlines',
        let: { id: '$id' },
        pipeline: [
          { $match: { $expr: { $and: [{ $eq: ['$recordId', '$$id'] }, { $eq: ['$state', state] }] } } },
          { $limit: 1 },
          { $project: { _id: 1 } },
        ],
        as: 'withState',
      },
    },
    { $match: { 'withState.0': { $exists: true } } },
    { $project: { withState: 0 } },
  ];
}

/** A keyset page of record documents, newest first, with a count capped at COUNT_CAP. */
export async function pageRecords(
  db: Db,
  filter: RecordPageFilter,
): Promise<{ items: Document[]; more: boolean; total: number; capped: boolean }> {
  const query = recordQuery(filter);
  const after = filter.after;
  const paged = after
    ? { $and: [query, { $or: [{ createdAt: { $lt: after[0] } }, { createdAt: after[0], id: { $lt: after[1] } }] }] }
    : query;
  const records = db.collection('records');
  const [rows, counted] = await Promise.all([
    records
      .aggregate([
        { $match: paged },
        { $sort: { createdAt: -1, id: -1 } },
        ...deadlineStages(filter.deadlineState),
        { $limit: filter.limit + 1 },
        { $project: { evaluation: 0, searchValues: 0 } },
      ])
      .toArray(),
    records.aggregate([{ $match: query }, ...deadlineStages(filter.deadlineState), { $limit: COUNT_CAP + 1 }, { $count: 'n' }]).toArray(),
  ]);
  const n = Number((counted[0] as { n?: number } | undefined)?.n ?? 0);
  return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
