import type { Db, Document } from 'mongodb';
import type { ComplianceCount, ComplianceFilter, RecordCount, RecordCountFilter, Visibility } from '../../paging.js';

// Indexes: deadlines {formId, state, dueAt} and {state, dueAt}, records {id} (created in MongoStore.createIndexes).

/** A field's value as the dashboards group it: '' when absent or null, true/false and numbers as text; objects stay objects (made JSON text by `text`). */
const asText = (path: string): Document => ({
  $let: {
    vars: { v: `$${path}` },
    in: {
      $switch: {
        branches: [
          { case: { $in: [{ $type: '$$v' }, ['missing', 'null']] }, then: '' },
          { case: { $eq: [{ $type: '$$v' }, 'string'] }, then: '$$v' },
          { case: { $in: [{ $type: '$$v' }, ['bool', 'int', 'long', 'double', 'decimal']] }, then: { $toString: '$$v' } },
        ],
        default: '$$v',
      },
    },
  },
});

const visibleMatch = (prefix: string, visibleTo: Visibility | undefined): Document[] =>
  visibleTo
    ? [
        {
          $match: {
            $or: [
              { [`${prefix}createdBy`]: visibleTo.username },
              { [`${prefix}assignee`]: visibleTo.username },
              { [`${prefix}store`]: { $in: visibleTo.stores } },
            ],
          },
        },
      ]
    : [];

/** Deadlines met and breached per China-time week and record field value: one pipeline with a $lookup by record id and a $group. */
export async function complianceCounts(db: Db, filter: ComplianceFilter): Promise<ComplianceCount[]> {
  const rows = await db
    .collection('deadlines')
    .aggregate<{ _id: { group: unknown; week: string; state: ComplianceCount['state'] }; n: number }>([
      {
        $match: {
          state: { $in: ['met', 'breached'] },
          ...(filter.formId ? { formId: filter.formId } : {}),
          dueAt: { $gte: filter.dueFrom, $lte: filter.dueTo },
        },
      },
      { $lookup: { from: 'records', localField: 'recordId', foreignField: 'id', as: 'record' } },
      { $unwind: '$record' },
      ...visibleMatch('record.', filter.visibleTo),
      {
        $group: {
          _id: {
            group: asText(`record.data.${filter.groupBy}`),
            week: {
              $dateToString: {
                date: {
                  $dateTrunc: {
                    date: { $dateFromString: { dateString: '$dueAt' } },
                    unit: 'week',
                    startOfWeek: 'monday',
                    timezone: '+08:00',
                  },
                },
                format: '%Y-%m-%d',
                timezone: '+08:00',
              },
            },
            state: '$state',
          },
          n: { $sum: 1 },
        },
      },
    ])
    .toArray();
  return rows.map((r) => ({ ...r._id, group: text(r._id.group), count: r.n }));
}

/** Records of a form per field value (and a second): one $match on {formId, createdAt} and a $group. */
export async function recordCounts(db: Db, filter: RecordCountFilter): Promise<RecordCount[]> {
  const rows = await db
    .collection('records')
    .aggregate<{ _id: { value: unknown; split: unknown }; n: number }>([
      { $match: { formId: filter.formId, ...(filter.createdFrom ? { createdAt: { $gte: filter.createdFrom } } : {}) } },
      ...visibleMatch('', filter.visibleTo),
      { $group: { _id: { value: asText(`data.${filter.field}`), split: filter.by ? asText(`data.${filter.by}`) : '' }, n: { $sum: 1 } } },
    ])
    .toArray();
  return rows.map((r) => ({ value: text(r._id.value), split: text(r._id.split), count: r.n }));
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
