import type { Db, Document } from 'mongodb';
import { monthBounds, type FineFilter, type FinePageFilter, type FineTotalLine } from '../../paging.js';
import { byMonthThenPerson } from '../../sqlite/queries/fines.js';
import { COUNT_CAP } from './records.js';

export const FINE_INDEXES: { key: Document; name: string }[] = [
  { key: { postedAt: -1, id: -1 }, name: 'fines_posted' },
  { key: { person: 1, postedAt: -1, id: -1 }, name: 'fines_person' },
  { key: { formId: 1, postedAt: -1, id: -1 }, name: 'fines_form' },
  { key: { postedAt: 1, person: 1, payerRole: 1, origin: 1, amount: 1 }, name: 'fines_totals' },
];

export async function createFineIndexes(db: Db): Promise<void> {
  await db.collection('fines').createIndexes(FINE_INDEXES);
}

function fineQuery(filter: FineFilter): Document {
  const and: Document[] = [];
  if (filter.person) and.push({ person: filter.person });
  if (filter.formId) and.push({ formId: filter.formId });
  if (filter.month) {
    const { from, before } = monthBounds(filter.month);
    and.push({ postedAt: { $gte: from, $lt: before } });
  }
  if (filter.postedFrom) and.push({ postedAt: { $gte: filter.postedFrom } });
  if (filter.postedBefore) and.push({ postedAt: { $lt: filter.postedBefore } });
  return and.length > 0 ? { $and: and } : {};
}

/** Keeps fines of records the user may see (a lookup of the record by its unique id index). */
function visibleStages(filter: FineFilter): Document[] {
  if (!filter.visibleTo) return [];
  const { username, stores } = filter.visibleTo;
  return [
    {
      $lookup: {
        from: 'records',
        localField: 'recordId',
        foreignField: 'id',
        pipeline: [
          { $match: { $or: [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }] } },
          { $project: { _id: 1 } },
        ],
        as: 'visible',
      },
    },
    { $match: { 'visible.0': { $exists: true } } },
    { $project: { visible: 0 } },
  ];
}

export async function listFines(db: Db, filter: FineFilter): Promise<Document[]> {
  return db
    .collection('fines')
    .aggregate([{ $match: fineQuery(filter) }, { $sort: { postedAt: -1, id: -1 } }, ...visibleStages(filter)])
    .toArray();
}

export async function pageFines(db: Db, filter: FinePageFilter) {
  const query = fineQuery(filter);
  const after = filter.after;
  const paged = after
    ? { $and: [query, { $or: [{ postedAt: { $lt: after[0] } }, { postedAt: after[0], id: { $lt: after[1] } }] }] }
    : query;
  const fines = db.collection('fines');
  const [rows, counted] = await Promise.all([
    fines
      .aggregate([{ $match: paged }, { $sort: { postedAt: -1, id: -1 } }, ...visibleStages(filter), { $limit: filter.limit + 1 }])
      .toArray(),
    fines.aggregate([{ $match: query }, ...visibleStages(filter), { $limit: COUNT_CAP + 1 }, { $count: 'n' }]).toArray(),
  ]);
  const n = Number((counted[0] as { n?: number } | undefined)?.n ?? 0);
  return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Totals per month (China time), person and role: one $group in the database. */
export async function fineTotals(db: Db, filter: FineFilter): Promise<{ lines: FineTotalLine[]; total: number }> {
  const rows = await db
    .collection('fines')
    .aggregate<{ _id: { month: string; person: string; payerRole: string }; n: number; total: number }>([
      { $match: fineQuery(filter) },
      ...visibleStages(filter),
      {
        $group: {
          _id: {
            month: { $dateToString: { date: { $dateFromString: { dateString: '$postedAt' } }, format: '%Y-%m', timezone: '+08:00' } },
            person: { $ifNull: ['$person', ''] },
            payerRole: '$payerRole',
          },
          n: { $sum: { $cond: [{ $eq: ['$origin', 'reversal'] }, 0, 1] } },
          total: { $sum: '$amount' },
        },
      },
    ])
    .toArray();
  const cents = (n: number) => Math.round(n * 100) / 100;
  const lines = rows.map((r) => ({ ...r._id, count: r.n, total: cents(r.total) })).sort(byMonthThenPerson);
  return { lines, total: cents(rows.reduce((sum, r) => sum + r.total, 0)) };
}
