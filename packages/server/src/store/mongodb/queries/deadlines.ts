import type { Db, Document } from 'mongodb';
import type { DeadlineRow } from '../../types.js';
import { plain } from '../MongoDatabase.js';

/** Index of the open deadlines counted on a calendar, by record and key. */
export async function createDeadlineCalendarIndex(db: Db): Promise<void> {
  await db
    .collection('deadlines')
    .createIndex({ state: 1, 'deadline.calendar': 1, recordId: 1, key: 1 }, { name: 'deadlines_open_calendar' });
}

/** Open deadlines counted on a calendar, by record and key after a cursor. */
export async function pageOpenDeadlinesOnCalendar(
  db: Db,
  calendarId: string,
  limit: number,
  after?: [string, string],
): Promise<DeadlineRow[]> {
  const query: Document = { state: 'open', 'deadline.calendar': calendarId };
  if (after) query.$or = [{ recordId: { $gt: after[0] } }, { recordId: after[0], key: { $gt: after[1] } }];
  const docs = await db.collection('deadlines').find(query).sort({ recordId: 1, key: 1 }).limit(limit).toArray();
  return docs.map((d) => plain<DeadlineRow>(d)!);
}
