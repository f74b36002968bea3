import type { Db, Document } from 'mongodb';
import type { ComplianceCount, ComplianceFilter, RecordCount, RecordCountFilter, Visibility } from '../../paging.js';
import { atChinaMidnight } from '../../sqlite/queries/dashboard.js';
import { chinaDay, TALLY_COLLECTIONS, type MongoTallies } from '../tallies.js';

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

/** The scope of a store user over a tally's store, createdBy and assignee. */
const visibleTally = (visibleTo: Visibility | undefined): Document =>
  visibleTo ? { $or: [{ createdBy: visibleTo.username }, { assignee: visibleTo.username }, { store: { $in: visibleTo.stores } }] } : {};

/** Monday of the week a China-time day (YYYY-MM-DD) falls in. */
const mondayOf = (day: string) => {
  const at = new Date(`${day}T00:00:00.000Z`);
  return new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

/**
 * Deadlines met and breached per China-time week and record field value, summed from
 * complianceTallies ({viewId, day} index) when the field's view is registered and `dueFrom` is a
 * China-time midnight (the window then runs to the end of `dueTo`'s day, as in SQLite); else one
 * pipeline over the deadlines with a $lookup by record id.
 */
export async function complianceCounts(db: Db, filter: ComplianceFilter, tallies?: MongoTallies): Promise<ComplianceCount[]> {
  const view = tallies && atChinaMidnight(filter.dueFrom) ? await tallies.view('compliance', filter.formId ?? '', filter.groupBy) : null;
  if (view) {
    const rows = await db
      .collection(TALLY_COLLECTIONS.compliance)
      .aggregate<{ _id: { grp: string; day: string; state: ComplianceCount['state'] }; n: number }>([
        {
          $match: {
            viewId: view.id,
            day: { $gte: chinaDay(filter.dueFrom), $lte: chinaDay(filter.dueTo) },
            ...visibleTally(filter.visibleTo),
          },
        },
        { $group: { _id: { grp: '$grp', day: '$day', state: '$state' }, n: { $sum: '$n' } } },
      ])
      .toArray();
    const weeks = new Map<string, ComplianceCount>();
    for (const { _id, n } of rows) {
      const week = mondayOf(_id.day);
      const key = JSON.stringify([_id.grp, week, _id.state]);
      const found = weeks.get(key) ?? { group: _id.grp, week, state: _id.state, count: 0 };
      found.count += n;
      weeks.set(key, found);
    }
    return [...weeks.values()].filter((c) => c.count !== 0);
  }
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

/**
 * Records of a form per field value (and a second): summed from recordTallies when the view is
 * registered and `createdFrom` is a China-time midnight; else one $match on {formId, createdAt} and a $group.
 */
export async function recordCounts(db: Db, filter: RecordCountFilter, tallies?: MongoTallies): Promise<RecordCount[]> {
  const aligned = filter.createdFrom === undefined || atChinaMidnight(filter.createdFrom);
  const view = tallies && aligned ? await tallies.view('counts', filter.formId, filter.field, filter.by ?? '') : null;
  if (view) {
    const rows = await db
      .collection(TALLY_COLLECTIONS.counts)
      .aggregate<{ _id: { value: string; split: string }; n: number }>([
        {
          $match: {
            viewId: view.id,
            ...(filter.createdFrom ? { day: { $gte: chinaDay(filter.createdFrom) } } : {}),
            ...visibleTally(filter.visibleTo),
          },
        },
        { $group: { _id: { value: '$value', split: '$split' }, n: { $sum: '$n' } } },
        { $match: { n: { $ne: 0 } } },
      ])
      .toArray();
    return rows.map((r) => ({ value: r._id.value, split: r._id.split, count: r.n }));
  }
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
