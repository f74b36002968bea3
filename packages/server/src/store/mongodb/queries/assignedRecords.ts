import type { Db, Document } from 'mongodb';
import type { AssignedFilter } from '../../assignedRecords.js';

/**
 * Documents of the records assigned to a person, soonest due outstanding deadline first (open, or
 * breached and not yet met; records without one last, newest first). Uses the indexes
 * records.assignee and deadlines.recordId_state.
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
      { $addFields: { noDue: { $cond: [{ $eq: [{ $ifNull: ['$nextDue', null] }, null] }, 1, 0] } } },
      { $sort: { noDue: 1, nextDue: 1, createdAt: -1, id: -1 } },
      { $limit: filter.limit },
      { $project: { outstanding: 0, nextDue: 0, noDue: 0 } },
    ])
    .toArray();
}
