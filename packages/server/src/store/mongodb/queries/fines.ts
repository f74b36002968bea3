import type { Db, Document } from 'mongodb';
import { monthBounds, type FineFilter, type FinePageFilter, type FineTotalLine } from '../../paging.js';
import { byMonthThenPerson } from '../../sqlite/queries/fines.js';
import { COUNT_CAP } from './records.js';
import { TALLY_COLLECTIONS, chinaMonth, type MongoTallies } from '../tallies.js';

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
  // A record's fines by the recordId index (migration 1): a handful, sorted in memory.
  if (filter.recordId) and.push({ recordId: filter.recordId });
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

/** The China-time month an instant starts, when it is the first instant of that month. */
function monthStartingAt(iso: string): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const month = chinaMonth(iso);
  return Date.parse(monthBounds(month).from) === at ? month : null;
}

/**
 * The ledger's filters over fineTallies, or null when a bound falls inside a month or the filter names
 * a record (tallies are not kept per record): then the fines are read.
 */
function tallyQuery(filter: FineFilter): Document | null {
  if (filter.recordId) return null;
  const month: Document = {};
  if (filter.month) month.$eq = filter.month;
  if (filter.postedFrom) {
    const from = monthStartingAt(filter.postedFrom);
    if (!from) return null;
    month.$gte = from;
  }
  if (filter.postedBefore) {
    const before = monthStartingAt(filter.postedBefore);
    if (!before) return null;
    month.$lt = before;
  }
  const { visibleTo } = filter;
  return {
    ...(Object.keys(month).length > 0 ? { month } : {}),
    ...(filter.formId ? { formId: filter.formId } : {}),
    ...(filter.person ? { person: filter.person } : {}),
    ...(visibleTo
      ? { $or: [{ createdBy: visibleTo.username }, { assignee: visibleTo.username }, { store: { $in: visibleTo.stores } }] }
      : {}),
  };
}

export async function pageFines(db: Db, filter: FinePageFilter, tallies?: MongoTallies) {
  const tally = tallies ? tallyQuery(filter) : null;
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
    tally
      ? db
          .collection(TALLY_COLLECTIONS.fines)
          .aggregate([{ $match: tally }, { $group: { _id: null, n: { $sum: '$rows' } } }])
          .toArray()
      : fines.aggregate([{ $match: query }, ...visibleStages(filter), { $limit: COUNT_CAP + 1 }, { $count: 'n' }]).toArray(),
  ]);
  const n = Number((counted[0] as { n?: number } | undefined)?.n ?? 0);
  // From the tallies the total is exact; counted from the fines it stops at COUNT_CAP.
  if (tally) return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, total: n, capped: false };
  return { items: rows.slice(0, filter.limit), more: rows.length > filter.limit, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Totals per month (China time), person and role: summed from fineTallies (amounts in cents) when the bounds are whole months, else one $group over the fines. */
export async function fineTotals(db: Db, filter: FineFilter, tallies?: MongoTallies): Promise<{ lines: FineTotalLine[]; total: number }> {
  const tally = tallies ? tallyQuery(filter) : null;
  if (tally) {
    const rows = await db
      .collection(TALLY_COLLECTIONS.fines)
      .aggregate<{ _id: { month: string; person: string; payerRole: string }; n: number; cents: number; rows: number }>([
        { $match: tally },
        {
          $group: {
            _id: { month: '$month', person: '$person', payerRole: '$payerRole' },
            n: { $sum: '$n' },
            cents: { $sum: '$cents' },
            rows: { $sum: '$rows' },
          },
        },
        { $match: { rows: { $ne: 0 } } },
      ])
      .toArray();
    const lines = rows.map((r) => ({ ...r._id, count: r.n, total: r.cents / 100 })).sort(byMonthThenPerson);
    return { lines, total: rows.reduce((sum, r) => sum + r.cents, 0) / 100 };
  }
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
