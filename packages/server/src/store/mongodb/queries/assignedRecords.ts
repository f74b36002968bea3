import type { Db, Document } from 'mongodb';
import type { AssignedCursor, AssignedFilter } from '../../assignedRecords.js';

/** The records after the cursor in the list's order: noDue and due ascending, createdAt and id descending. */
function afterCursor([noDue, due, createdAt, id]: AssignedCursor): Document {
  return {
    $or: [
      { noDue: { $gt: noDue } },
      { noDue, due: { $gt: due } },
      { noDue, due, createdAt: { $lt: createdAt } },
      { noDue, due, createdAt, id: { $lt: id } },
    ],
  };
}

/**
 * Documents of the records assigned to a person, soonest due outstanding deadline first (open, or
 * breached and not yet met; records without one last, newest first), a keyset page after
 * `filter.after` (one more than the limit). Uses the indexes records.assignee and deadlines.recordId_state.
 */
export async function assignedRecordDocs(db: Db, filter: AssignedFilter): Promise<Document[]> {
  const excluded = filter.exclude
    .filter((e) => e.statuses.length > 0)
    .map((e) => ({ $nor: [{ formId: e.formId, status: { $in: e.statuses } }] }));
  return db
    .collection('records')
    .aggregate([
      { $match: { assignee: filter.assignee, ...(excluded.length > 0 ? { $and: excluded } : {}) } },
      {
        $lookup: {
          from: 'deadlines',
          localField: 'id',
          foreignField: 'recordId',
          as: 'outstanding',
          pipeline: [
            { $match: { dueAt: { $ne: null }, $or: [{ state: 'open' }, { state: 'breached', 'deadline.metAt': null }] } },
            { $group: { _id: null, due: { $min: '$dueAt' } } },
          ],
        },
      },
      { $addFields: { nextDue: { $first: '$outstanding.due' } } },
      { $addFields: { noDue: { $cond: [{ $eq: [{ $ifNull: ['$nextDue', null] }, null] }, 1, 0] }, due: { $ifNull: ['$nextDue', ''] } } },
      ...(filter.after ? [{ $match: afterCursor(filter.after) }] : []),
      { $sort: { noDue: 1, due: 1, createdAt: -1, id: -1 } },
      { $limit: filter.limit + 1 },
      { $project: { outstanding: 0, noDue: 0, due: 0, evaluation: 0, searchValues: 0 } },
    ])
    .toArray();
}
