import type { RecordHeader } from './types.js';

/** Records assigned to a person, outstanding work first (see Store.assignedRecords). */
export interface AssignedFilter {
  assignee: string;
  /** Per form, the statuses left out (final states: the work is over). */
  exclude: { formId: string; statuses: string[] }[];
  limit: number;
  /** The sort key of the last record of the previous page. */
  after?: AssignedCursor;
}

/** Where a record stands in the list: [1 when it has no outstanding deadline, its soonest due ('' for none), createdAt, id]. */
export type AssignedCursor = [noDue: 0 | 1, nextDue: string, createdAt: string, id: string];

/** A record of the list with its soonest due outstanding deadline (null: none). */
export interface AssignedRecord {
  record: RecordHeader;
  nextDue: string | null;
}

/** The sort key of a record of the list (the cursor of the page it ends). */
export const assignedCursor = ({ record, nextDue }: AssignedRecord): AssignedCursor => [
  nextDue === null ? 1 : 0,
  nextDue ?? '',
  record.createdAt,
  record.id,
];
