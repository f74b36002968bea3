import type { ClientSession, Document } from 'mongodb';
import type { RecordLink } from '../../recordLinks.js';
import type { MongoDatabase } from '../MongoDatabase.js';

/** Replaces a record's link documents (in the record write's transaction). */
export async function rewrite(
  database: MongoDatabase,
  fromId: string,
  links: readonly RecordLink[],
  createdAt: string,
  session: ClientSession,
): Promise<void> {
  const col = database.col('record_links');
  await col.deleteMany({ fromId }, { session });
  if (links.length > 0)
    await col.insertMany(
      links.map((link) => ({ fromId, field: link.field, toId: link.toId, createdAt })),
      { session },
    );
}

/** The records linking to one, newest first (index toId, createdAt). */
export async function linkingRecordDocs(database: MongoDatabase, toId: string, limit: number): Promise<Document[]> {
  const rows = await database
    .col('record_links')
    .find({ toId }, { projection: { fromId: 1 } })
    .sort({ createdAt: -1, fromId: -1 })
    .limit(limit)
    .toArray();
  const ids = rows.map((r) => String(r.fromId));
  if (ids.length === 0) return [];
  const docs = await database
    .col('records')
    .find({ id: { $in: ids } })
    .toArray();
  const byId = new Map(docs.map((d) => [String(d.id), d]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
