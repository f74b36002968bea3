import type { Document } from 'mongodb';
import type { KeysetPage } from '../paging.js';
import { plain, type MongoDatabase } from './MongoDatabase.js';
import { COUNT_CAP } from './queries/records.js';

/** One page: the documents after the cursor (one more than the limit, to know whether more follow) and the filter's total. */
export async function keysetPage<T>(
  database: MongoDatabase,
  collection: string,
  query: Document,
  cursor: Document | null,
  sort: Record<string, 1 | -1>,
  limit: number,
): Promise<KeysetPage<T>> {
  const [rows, total] = await Promise.all([
    database
      .col(collection)
      .find(cursor ? { $and: [query, cursor] } : query)
      .sort(sort)
      .limit(limit + 1)
      .toArray(),
    database.col(collection).countDocuments(query, { limit: COUNT_CAP + 1 }),
  ]);
  return {
    items: rows.slice(0, limit).map((r) => plain<T>(r)!),
    more: rows.length > limit,
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
  };
}
