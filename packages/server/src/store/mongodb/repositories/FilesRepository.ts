import { Binary, type ClientSession } from 'mongodb';
import { fileIdsIn } from '../../fileRefs.js';
import type { FilesRepository } from '../../ports/FilesRepository.js';
import type { StoredFile } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';

/** Files of at most 10 MiB each, well under a document's 16 MiB. */
export class MongoFilesRepository implements FilesRepository {
  constructor(private readonly database: MongoDatabase) {}

  async putFile(file: StoredFile) {
    await this.database.col('files').insertOne({ ...file, data: new Binary(file.data) });
  }
  async getFile(id: string) {
    const doc = await this.database.col('files').findOne({ id });
    if (!doc) return null;
    const file = plain<StoredFile & { data: Binary }>(doc)!;
    return { ...file, data: Buffer.from(file.data.buffer) };
  }
  async recordIdsWithFile(fileId: string) {
    return (await this.database.col('fileRefs').find({ fileId }).sort({ recordId: 1 }).toArray()).map((d) => String(d.recordId));
  }
  async fileUsage(createdBy: string, since: string) {
    const [row] = await this.database
      .col('files')
      .aggregate<{ count: number; bytes: number }>([
        { $match: { createdBy, createdAt: { $gte: since } } },
        { $group: { _id: null, count: { $sum: 1 }, bytes: { $sum: '$size' } } },
      ])
      .toArray();
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
  }
  async deleteOrphanFiles(createdBefore: string) {
    return this.database.transaction(async (session) => {
      const orphans = await this.database
        .col('files')
        .aggregate(
          [
            { $match: { createdAt: { $lt: createdBefore } } },
            { $lookup: { from: 'fileRefs', localField: 'id', foreignField: 'fileId', as: 'refs' } },
            { $match: { refs: { $size: 0 } } },
            { $project: { data: 0, refs: 0 } },
          ],
          { session },
        )
        .toArray();
      if (orphans.length > 0) await this.database.col('files').deleteMany({ id: { $in: orphans.map((f) => f.id as string) } }, { session });
      return orphans.map((doc) => plain<Omit<StoredFile, 'data'>>(doc)!);
    });
  }

  /** Keeps the references a record's data makes to uploaded files (never dropped), in the write's transaction. */
  async addReferences(recordId: string, data: unknown, session?: ClientSession): Promise<void> {
    for (const fileId of fileIdsIn(data))
      await this.database
        .col('fileRefs')
        .updateOne({ fileId, recordId }, { $setOnInsert: { fileId, recordId } }, { upsert: true, ...(session ? { session } : {}) });
  }
}
