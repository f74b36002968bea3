import type { Visibility } from '../paging.js';
import type { MongoDatabase } from './MongoDatabase.js';

/** Ids of the records a user may see (indexed on createdBy, assignee and store). */
export async function visibleRecordIds(database: MongoDatabase, visibleTo: Visibility): Promise<string[]> {
  const { username, stores } = visibleTo;
  const ids: unknown[] = await database.col('records').distinct('id', {
    $or: [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }],
  });
  return ids.map(String);
}
