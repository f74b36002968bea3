import type { ClientSession, Db } from 'mongodb';

/**
 * The next value of a counter in the caller's transaction: findOneAndUpdate with $inc and upsert is
 * atomic on the document (the unique index on key makes a concurrent first upsert retry, not duplicate).
 */
export async function nextCounter(db: Db, key: string, session: ClientSession): Promise<number> {
  const doc = await db
    .collection<{ key: string; value: number }>('counters')
    .findOneAndUpdate({ key }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after', session });
  return Number(doc?.value);
}
