import { fileIdsIn } from '../../fileRefs.js';
import type { MongoMigration } from './MongoMigration.js';

/**
 * The collections' indexes as the release before versioned migrations made them at every start,
 * one for every query of the repositories, and the file references of records written before
 * fileRefs existed.
 */
export const initial: MongoMigration = {
  version: 1,
  name: 'initial',
  async up(database) {
    const col = (name: string) => database.col(name);
    await Promise.all([
      col('users').createIndex({ username: 1 }, { unique: true }),
      col('users').createIndex({ id: 1 }, { unique: true }),
      col('sessions').createIndex({ tokenHash: 1 }, { unique: true }),
      col('sessions').createIndex({ userId: 1 }),
      col('sessions').createIndex({ expiresAt: 1 }),
      col('sessions').createIndex({ lastSeenAt: 1 }),
      col('loginFailures').createIndex({ key: 1 }, { unique: true }),
      col('loginFailures').createIndex({ lastFailureAt: 1 }),
      col('apiKeys').createIndex({ keyHash: 1 }, { unique: true }),
      col('apiKeys').createIndex({ id: 1 }, { unique: true }),
      col('documents').createIndex({ kind: 1, id: 1 }, { unique: true }),
      col('versions').createIndex({ kind: 1, id: 1, version: -1 }, { unique: true }),
      col('records').createIndex({ id: 1 }, { unique: true }),
      col('records').createIndex({ formId: 1, createdAt: -1 }),
      col('approvals').createIndex({ id: 1 }, { unique: true }),
      col('approvals').createIndex({ recordId: 1, state: 1 }),
      col('approvals').createIndex({ state: 1, approver: 1 }),
      col('deadlines').createIndex({ recordId: 1, key: 1 }, { unique: true }),
      col('deadlines').createIndex({ state: 1, dueAt: 1 }),
      col('deadlines').createIndex({ state: 1, reminded: 1, remindAt: 1 }),
      col('deadlines').createIndex({ recordId: 1, state: 1 }),
      col('fines').createIndex({ uniqueKey: 1 }, { unique: true }),
      col('fines').createIndex({ id: 1 }, { unique: true }),
      col('deadlines').createIndex({ state: 1, 'deadline.calendar': 1, calendarVersion: 1 }),
      col('calendarJobs').createIndex({ calendarId: 1, version: 1 }, { unique: true }),
      col('fines').createIndex({ recordId: 1 }),
      col('notifications').createIndex({ uniqueKey: 1 }, { unique: true }),
      col('notifications').createIndex({ role: 1, at: -1, id: -1 }),
      col('notifications').createIndex({ at: -1, id: -1 }),
      col('approvals').createIndex({ state: 1, createdAt: -1, id: -1 }),
      col('approvals').createIndex({ approver: 1, state: 1, createdAt: -1, id: -1 }),
      col('deadlines').createIndex({ state: 1, dueAt: 1, recordId: 1, key: 1 }),
      col('deadlines').createIndex({ formId: 1, state: 1, dueAt: 1 }),
      col('records').createIndex({ createdBy: 1 }),
      col('records').createIndex({ assignee: 1 }),
      col('records').createIndex({ store: 1 }),
      col('audit').createIndex({ entity: 1, entityId: 1, id: -1 }),
      col('files').createIndex({ id: 1 }, { unique: true }),
      col('files').createIndex({ createdBy: 1, createdAt: 1 }),
      col('fileRefs').createIndex({ fileId: 1, recordId: 1 }, { unique: true }),
    ]);
    // Databases from before fileRefs: the references their records already hold (once, while there are none).
    if ((await col('fileRefs').estimatedDocumentCount()) > 0 || (await col('files').estimatedDocumentCount()) === 0) return;
    for await (const doc of col('records').find({}, { projection: { id: 1, data: 1 } }))
      for (const fileId of fileIdsIn(doc.data))
        await col('fileRefs').updateOne(
          { fileId, recordId: doc.id as string },
          { $setOnInsert: { fileId, recordId: doc.id as string } },
          { upsert: true },
        );
  },
};
