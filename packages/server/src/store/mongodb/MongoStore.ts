import { Binary, MongoClient, MongoServerError, type ClientSession, type Collection, type Db, type Document } from 'mongodb';
import { DomainError } from '../../errors/DomainError.js';
import type { BreachItem, Store } from '../Store.js';
import type { ApprovalPageFilter, DeadlinePageFilter, KeysetPage, NotificationPageFilter, Visibility } from '../paging.js';
import { decodeEvaluation, encodeEvaluation } from '../evaluationCodec.js';
import { formOf } from '../formOf.js';
import { fileIdsIn } from '../fileRefs.js';
import { withMetAt } from '../metLate.js';
import { mergeApprovals } from '../mergeApprovals.js';
import type {
  ApiKey,
  Approval,
  AuditEntry,
  CalendarJob,
  DeadlineMove,
  DeadlineRow,
  DocumentKind,
  DocumentState,
  FineEntry,
  LoginFailures,
  Notification,
  PublishedVersion,
  RecordFilter,
  RecordWrite,
  Session,
  StoredFile,
  StoredRecord,
  User,
} from '../types.js';

/** Drops Mongo's `_id` from a read document. */
function plain<T>(doc: Document | null): T | null {
  if (!doc) return null;
  const { _id: _ignored, ...rest } = doc;
  return rest as T;
}

/** A record as stored: its evaluation deflated (see evaluationCodec); one stored before as a plain document still reads. */
function recordDoc(record: StoredRecord): Document {
  return { ...record, evaluation: new Binary(encodeEvaluation(record.evaluation)) };
}
function fromRecordDoc(doc: Document | null): StoredRecord | null {
  const record = plain<StoredRecord & { evaluation: unknown }>(doc);
  if (!record) return null;
  const stored = record.evaluation;
  return { ...record, evaluation: decodeEvaluation(stored instanceof Binary ? Buffer.from(stored.buffer) : stored) };
}

interface Counter {
  _id: string;
  value: number;
}

interface DocumentRow {
  kind: DocumentKind;
  id: string;
  form?: string;
  archived: boolean;
  draft: DocumentState['draft'];
}

/**
 * The production and scale-out store on the official `mongodb` driver. Multi-document writes run in
 * transactions (a replica set is required, as for any MongoDB deployment in production); records use
 * optimistic concurrency on `rev`; fines and notices are upserted by unique key, so posting twice is harmless.
 */
export class MongoStore implements Store {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  static async connect(uri: string): Promise<MongoStore> {
    const client = new MongoClient(uri, {
      retryWrites: true,
      writeConcern: { w: 'majority', journal: true },
      serverSelectionTimeoutMS: 10_000,
    });
    await client.connect();
    const store = new MongoStore(client, client.db());
    await store.createIndexes();
    return store;
  }

  private col<T extends Document = Document>(name: string): Collection<T> {
    return this.db.collection<T>(name);
  }

  private async createIndexes(): Promise<void> {
    await Promise.all([
      this.col('users').createIndex({ username: 1 }, { unique: true }),
      this.col('users').createIndex({ id: 1 }, { unique: true }),
      this.col('sessions').createIndex({ tokenHash: 1 }, { unique: true }),
      this.col('sessions').createIndex({ userId: 1 }),
      this.col('sessions').createIndex({ expiresAt: 1 }),
      this.col('sessions').createIndex({ lastSeenAt: 1 }),
      this.col('loginFailures').createIndex({ key: 1 }, { unique: true }),
      this.col('loginFailures').createIndex({ lastFailureAt: 1 }),
      this.col('apiKeys').createIndex({ keyHash: 1 }, { unique: true }),
      this.col('apiKeys').createIndex({ id: 1 }, { unique: true }),
      this.col('documents').createIndex({ kind: 1, id: 1 }, { unique: true }),
      this.col('versions').createIndex({ kind: 1, id: 1, version: -1 }, { unique: true }),
      this.col('records').createIndex({ id: 1 }, { unique: true }),
      this.col('records').createIndex({ formId: 1, createdAt: -1 }),
      this.col('approvals').createIndex({ id: 1 }, { unique: true }),
      this.col('approvals').createIndex({ recordId: 1, state: 1 }),
      this.col('approvals').createIndex({ state: 1, approver: 1 }),
      this.col('deadlines').createIndex({ recordId: 1, key: 1 }, { unique: true }),
      this.col('deadlines').createIndex({ state: 1, dueAt: 1 }),
      this.col('deadlines').createIndex({ state: 1, reminded: 1, remindAt: 1 }),
      this.col('deadlines').createIndex({ recordId: 1, state: 1 }),
      this.col('fines').createIndex({ uniqueKey: 1 }, { unique: true }),
      this.col('fines').createIndex({ id: 1 }, { unique: true }),
      this.col('deadlines').createIndex({ state: 1, 'deadline.calendar': 1, calendarVersion: 1 }),
      this.col('calendarJobs').createIndex({ calendarId: 1, version: 1 }, { unique: true }),
      this.col('fines').createIndex({ recordId: 1 }),
      this.col('notifications').createIndex({ uniqueKey: 1 }, { unique: true }),
      this.col('notifications').createIndex({ role: 1, at: -1, id: -1 }),
      this.col('notifications').createIndex({ at: -1, id: -1 }),
      this.col('approvals').createIndex({ state: 1, createdAt: -1, id: -1 }),
      this.col('approvals').createIndex({ approver: 1, state: 1, createdAt: -1, id: -1 }),
      this.col('deadlines').createIndex({ state: 1, dueAt: 1, recordId: 1, key: 1 }),
      this.col('deadlines').createIndex({ formId: 1, state: 1, dueAt: 1 }),
      this.col('records').createIndex({ createdBy: 1 }),
      this.col('records').createIndex({ assignee: 1 }),
      this.col('records').createIndex({ store: 1 }),
      this.col('audit').createIndex({ entity: 1, entityId: 1, id: -1 }),
      this.col('files').createIndex({ id: 1 }, { unique: true }),
      this.col('files').createIndex({ createdBy: 1, createdAt: 1 }),
      this.col('fileRefs').createIndex({ fileId: 1, recordId: 1 }, { unique: true }),
    ]);
    await this.backfillFileRefs();
  }

  /** Databases from before fileRefs: the references their records already hold (once, while there are none). */
  private async backfillFileRefs(): Promise<void> {
    if ((await this.col('fileRefs').estimatedDocumentCount()) > 0 || (await this.col('files').estimatedDocumentCount()) === 0) return;
    for await (const doc of this.col('records').find({}, { projection: { id: 1, data: 1 } }))
      for (const fileId of fileIdsIn(doc.data))
        await this.col('fileRefs').updateOne(
          { fileId, recordId: doc.id as string },
          { $setOnInsert: { fileId, recordId: doc.id as string } },
          { upsert: true },
        );
  }

  private async transaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    return this.client.withSession((session) => session.withTransaction(() => work(session)));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async countUsers() {
    return this.col('users').countDocuments();
  }
  async createUser(user: User) {
    try {
      await this.col('users').insertOne({ ...user });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) throw new DomainError('user.exists', { username: user.username });
      throw error;
    }
  }
  async userByUsername(username: string) {
    return toUser(await this.col('users').findOne({ username }));
  }
  async userById(id: string) {
    return toUser(await this.col('users').findOne({ id }));
  }
  async listUsers() {
    return (await this.col('users').find().sort({ username: 1 }).toArray()).map((d) => toUser(d)!);
  }
  async updateUser(user: User) {
    // Deactivation has its own unit of work (setUserDeactivated); an edit never undoes it.
    const { deactivatedAt: _deactivated, ...changes } = user;
    await this.col('users').updateOne({ id: user.id }, { $set: changes });
  }
  async createSession(session: Session) {
    await this.col('sessions').insertOne({ ...session });
  }
  async sessionByHash(tokenHash: string) {
    return plain<Session>(await this.col('sessions').findOne({ tokenHash }));
  }
  async deleteSession(tokenHash: string) {
    await this.col('sessions').deleteOne({ tokenHash });
  }
  async deleteSessionsOf(userId: string) {
    await this.col('sessions').deleteMany({ userId });
  }
  async touchSession(tokenHash: string, lastSeenAt: string) {
    await this.col('sessions').updateOne({ tokenHash, lastSeenAt: { $lt: lastSeenAt } }, { $set: { lastSeenAt } });
  }
  async purgeSessions(now: string, idleSince: string) {
    return (await this.col('sessions').deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: idleSince } }] }))
      .deletedCount;
  }
  async addLoginFailure(key: string, at: string, forgetBefore: string) {
    const update = [
      {
        $set: {
          failures: {
            $cond: [{ $lt: [{ $ifNull: ['$lastFailureAt', ''] }, forgetBefore] }, 1, { $add: [{ $ifNull: ['$failures', 0] }, 1] }],
          },
          lastFailureAt: { $max: [{ $ifNull: ['$lastFailureAt', ''] }, at] },
        },
      },
    ];
    const upsert = () =>
      this.col('loginFailures').findOneAndUpdate({ key }, update, { upsert: true, returnDocument: 'after', projection: { _id: 0 } });
    // Two instances inserting the first failure at once: one insert wins, the other's retry increments it.
    const row = await upsert().catch((error: unknown) => {
      if (error instanceof MongoServerError && error.code === 11000) return upsert();
      throw error;
    });
    return plain<LoginFailures>(row)!;
  }
  async loginFailures(keys: string[]) {
    return (
      await this.col('loginFailures')
        .find({ key: { $in: keys } })
        .toArray()
    ).map((d) => plain<LoginFailures>(d)!);
  }
  async forgiveLoginFailure(key: string) {
    await this.col('loginFailures').updateOne({ key, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
  }
  async clearLoginFailures(key: string) {
    await this.col('loginFailures').deleteOne({ key });
  }
  async purgeLoginFailures(before: string) {
    return (await this.col('loginFailures').deleteMany({ lastFailureAt: { $lt: before } })).deletedCount;
  }
  async setUserDeactivated(userId: string, at: string | null, actor: string, now: string) {
    return this.transaction(async (session) => {
      const before = toUser(await this.col('users').findOne({ id: userId }, { session }));
      if (!before) return null;
      await this.col('users').updateOne({ id: userId }, at === null ? { $unset: { deactivatedAt: '' } } : { $set: { deactivatedAt: at } }, {
        session,
      });
      const user: User = { ...before };
      delete user.deactivatedAt;
      if (at !== null) user.deactivatedAt = at;
      const revokedKeys: string[] = [];
      if (at !== null) {
        await this.col('sessions').deleteMany({ userId }, { session });
        const keys = (await this.col('apiKeys').find({ createdBy: before.username, revoked: false }, { session }).toArray()).map((k) =>
          plain<ApiKey>(k)!,
        );
        for (const key of keys) {
          await this.col('apiKeys').updateOne({ id: key.id }, { $set: { revoked: true } }, { session });
          revokedKeys.push(key.id);
          await this.audit(
            {
              at: now,
              actor,
              entity: 'apiKey',
              entityId: key.id,
              action: 'revoke (creator deactivated)',
              before: { name: key.name, revoked: false },
              after: { name: key.name, revoked: true },
            },
            session,
          );
        }
      }
      await this.audit(
        {
          at: now,
          actor,
          entity: 'user',
          entityId: userId,
          action: at === null ? 'reactivate' : 'deactivate',
          before: { username: before.username, deactivatedAt: before.deactivatedAt ?? null },
          after: { username: user.username, deactivatedAt: user.deactivatedAt ?? null, ...(at === null ? {} : { revokedKeys }) },
        },
        session,
      );
      return { user, revokedKeys };
    });
  }
  async createApiKey(key: ApiKey) {
    await this.col('apiKeys').insertOne({ ...key });
  }
  async apiKeyByHash(keyHash: string) {
    return plain<ApiKey>(await this.col('apiKeys').findOne({ keyHash }));
  }
  async listApiKeys() {
    return (await this.col('apiKeys').find().sort({ createdAt: 1 }).toArray()).map((d) => plain<ApiKey>(d)!);
  }
  async revokeApiKey(id: string) {
    return (await this.col('apiKeys').updateOne({ id }, { $set: { revoked: true } })).matchedCount > 0;
  }

  async listDocuments(kind: DocumentKind) {
    const rows = await this.col('documents').find({ kind }).sort({ id: 1 }).toArray();
    return Promise.all(rows.map((row) => this.toState(plain<DocumentRow>(row)!)));
  }
  async getDocument(kind: DocumentKind, id: string) {
    const row = plain<DocumentRow>(await this.col('documents').findOne({ kind, id }));
    return row ? this.toState(row) : null;
  }
  private async toState(row: DocumentRow, session?: ClientSession): Promise<DocumentState> {
    const latest = plain<PublishedVersion>(
      await this.col('versions').findOne({ kind: row.kind, id: row.id }, { sort: { version: -1 }, ...(session ? { session } : {}) }),
    );
    return {
      kind: row.kind,
      id: row.id,
      ...(row.form ? { form: row.form } : {}),
      archived: row.archived,
      published: latest,
      draft: row.draft ?? null,
    };
  }
  async saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string, at: string) {
    await this.transaction(async (session) => {
      const before = plain<DocumentRow>(await this.col('documents').findOne({ kind, id }, { session }))?.draft?.definition ?? null;
      const form = formOf(kind, definition);
      await this.col('documents').updateOne(
        { kind, id },
        { $set: { draft: { definition, updatedAt: at, updatedBy: actor }, ...(form ? { form } : {}) }, $setOnInsert: { archived: false } },
        { upsert: true, session },
      );
      await this.audit(
        { at, actor, entity: 'definition', entityId: `${kind}:${id}`, action: 'draft.save', before, after: definition },
        session,
      );
    });
  }
  async discardDraft(kind: DocumentKind, id: string, actor: string, at: string) {
    return this.transaction(async (session) => {
      const row = plain<DocumentRow>(await this.col('documents').findOne({ kind, id }, { session }));
      if (!row?.draft) return false;
      await this.col('documents').updateOne({ kind, id }, { $set: { draft: null } }, { session });
      await this.audit(
        { at, actor, entity: 'definition', entityId: `${kind}:${id}`, action: 'draft.discard', before: row.draft.definition, after: null },
        session,
      );
      return true;
    });
  }
  async setArchived(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string) {
    return this.transaction(async (session) => {
      const changed = (await this.col('documents').updateOne({ kind, id }, { $set: { archived } }, { session })).matchedCount > 0;
      if (changed) {
        await this.bumpGeneration(session);
        await this.audit(
          {
            at,
            actor,
            entity: 'definition',
            entityId: `${kind}:${id}`,
            action: archived ? 'archive' : 'unarchive',
            before: null,
            after: null,
          },
          session,
        );
      }
      return changed;
    });
  }
  async publish(items: Parameters<Store['publish']>[0], actor: string, at: string) {
    return this.transaction(async (session) => {
      const results = [];
      for (const item of items) {
        const latest = plain<PublishedVersion>(
          await this.col('versions').findOne({ kind: item.kind, id: item.id }, { sort: { version: -1 }, session }),
        );
        const form = formOf(item.kind, item.definition);
        await this.col('documents').updateOne(
          { kind: item.kind, id: item.id },
          {
            $set: { ...(form ? { form } : {}), ...(item.clearDraft ? { draft: null } : {}) },
            $setOnInsert: { archived: false, ...(item.clearDraft ? {} : { draft: null }) },
          },
          { upsert: true, session },
        );
        if (latest && latest.hash === item.hash) {
          results.push({ kind: item.kind, id: item.id, version: latest.version, created: false });
          continue;
        }
        const version = (latest?.version ?? 0) + 1;
        const row: PublishedVersion = {
          kind: item.kind,
          id: item.id,
          version,
          definition: item.definition,
          hash: item.hash,
          publishedAt: at,
          publishedBy: actor,
          ...(item.note ? { note: item.note } : {}),
        };
        await this.col('versions').insertOne({ ...row }, { session });
        await this.bumpGeneration(session);
        await this.audit(
          {
            at,
            actor,
            entity: 'definition',
            entityId: `${item.kind}:${item.id}`,
            action: `publish v${version}`,
            before: latest?.definition ?? null,
            after: item.definition,
          },
          session,
        );
        results.push({ kind: item.kind, id: item.id, version, created: true });
      }
      return results;
    });
  }
  async definitionsGeneration() {
    return (await this.col<Counter>('counters').findOne({ _id: 'generation' }))?.value ?? 0;
  }
  private async bumpGeneration(session: ClientSession) {
    await this.col<Counter>('counters').updateOne({ _id: 'generation' }, { $inc: { value: 1 } }, { upsert: true, session });
  }
  async listVersions(kind: DocumentKind, id: string) {
    const rows = await this.col('versions')
      .find({ kind, id }, { projection: { definition: 0 } })
      .sort({ version: -1 })
      .toArray();
    return rows.map((r) => plain<Omit<PublishedVersion, 'definition'>>(r)!);
  }
  async getVersion(kind: DocumentKind, id: string, version: number) {
    return plain<PublishedVersion>(await this.col('versions').findOne({ kind, id, version }));
  }

  async writeRecord(write: RecordWrite) {
    const { record, previous } = write;
    await this.transaction(async (session) => {
      if (previous) {
        const result = await this.col('records').replaceOne({ id: record.id, rev: previous.rev }, recordDoc(record), { session });
        if (result.matchedCount === 0) throw new DomainError('record.changedMeanwhile', {});
      } else {
        await this.col('records').insertOne(recordDoc(record), { session });
      }
      for (const fileId of fileIdsIn(record.data))
        await this.col('fileRefs').updateOne(
          { fileId, recordId: record.id },
          { $setOnInsert: { fileId, recordId: record.id } },
          { upsert: true, session },
        );
      // Approvals once asked for stay (mergeApprovals): an edit adds what the policy newly asks, never removes.
      const existing = previous
        ? (await this.col('approvals').find({ recordId: record.id }, { session }).toArray()).map((a) => plain<Approval>(a)!)
        : [];
      const approvals = mergeApprovals(existing, write.approvals);
      if (approvals.length > 0)
        await this.col('approvals').insertMany(
          approvals.map((a) => ({ ...a })),
          { session },
        );
      const breached = new Map(
        (await this.col('deadlines').find({ recordId: record.id, state: 'breached' }, { session }).toArray()).map(
          (d) => [String(d.key), plain<DeadlineRow>(d)!.deadline] as const,
        ),
      );
      // A breach stays as the clock recorded it; only when the work was done (late) is added, so it stops counting.
      for (const d of write.deadlines) {
        const breach = breached.get(d.key);
        if (breach && breach.metAt !== d.deadline.metAt)
          await this.col('deadlines').updateOne(
            { recordId: record.id, key: d.key, state: 'breached' },
            { $set: { deadline: withMetAt(breach, d.deadline.metAt) } },
            { session },
          );
      }
      await this.col('deadlines').deleteMany({ recordId: record.id, state: { $ne: 'breached' } }, { session });
      // Copies: the driver adds an _id to what it inserts.
      const deadlines = write.deadlines.filter((d) => !breached.has(d.key)).map((d) => ({ ...d }));
      if (deadlines.length > 0) await this.col('deadlines').insertMany(deadlines, { session });
      for (const fine of write.fines)
        await this.col('fines').updateOne({ uniqueKey: fine.uniqueKey }, { $setOnInsert: { ...fine } }, { upsert: true, session });
      for (const n of write.notifications)
        await this.col('notifications').updateOne({ uniqueKey: n.uniqueKey }, { $setOnInsert: { ...n } }, { upsert: true, session });
      await this.audit(
        {
          at: record.updatedAt,
          actor: write.actor,
          entity: 'record',
          entityId: record.id,
          action: write.action,
          before: previous?.data ?? null,
          after: record.data,
        },
        session,
      );
    });
  }
  async getRecord(id: string) {
    return fromRecordDoc(await this.col('records').findOne({ id }));
  }
  async listRecords(filter: RecordFilter) {
    const query: Document = {};
    if (filter.formId) query.formId = filter.formId;
    if (filter.createdBy) query.createdBy = filter.createdBy;
    const and: Document[] = [];
    if (filter.person) and.push({ $or: [{ createdBy: filter.person }, { assignee: filter.person }] });
    if (filter.visibleTo) {
      const { username, stores } = filter.visibleTo;
      and.push({ $or: [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }] });
    }
    if (and.length > 0) query.$and = and;
    if (filter.status) query.status = filter.status;
    if (filter.assignee) query.assignee = filter.assignee;
    if (filter.store) query.store = filter.store;
    if (filter.createdFrom || filter.createdTo)
      query.createdAt = {
        ...(filter.createdFrom ? { $gte: filter.createdFrom } : {}),
        ...(filter.createdTo ? { $lte: filter.createdTo } : {}),
      };
    if (filter.dataRange) {
      const { field, kind, from, to } = filter.dataRange;
      if (kind === 'date') query[`data.${field}`] = { $type: 'string', ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
      else {
        // Values may carry any offset: compared as instants.
        const at = { $dateFromString: { dateString: `$data.${field}`, onError: null, onNull: null } };
        query.$expr = {
          $and: [{ $ne: [at, null] }, ...(from ? [{ $gte: [at, new Date(from)] }] : []), ...(to ? [{ $lte: [at, new Date(to)] }] : [])],
        };
      }
    }
    if (filter.deadlineState) query.id = { $in: await this.col('deadlines').distinct('recordId', { state: filter.deadlineState }) };
    const [items, total] = await Promise.all([
      this.col('records')
        .find(
          filter.after
            ? {
                $and: [
                  query,
                  { $or: [{ createdAt: { $lt: filter.after[0] } }, { createdAt: filter.after[0], id: { $lt: filter.after[1] } }] },
                ],
              }
            : query,
        )
        .sort({ createdAt: -1, id: -1 })
        .skip(filter.after ? 0 : filter.offset)
        .limit(filter.limit)
        .toArray(),
      this.col('records').countDocuments(query),
    ]);
    return { items: items.map((r) => fromRecordDoc(r)!), total };
  }

  async listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }) {
    const query: Document = {};
    if (filter.state) query.state = filter.state;
    if (filter.recordId) query.recordId = filter.recordId;
    if (filter.approvers) query.approver = { $in: filter.approvers };
    return (await this.col('approvals').find(query).sort({ createdAt: -1 }).limit(1000).toArray()).map((a) => plain<Approval>(a)!);
  }
  async getApproval(id: string) {
    return plain<Approval>(await this.col('approvals').findOne({ id }));
  }
  async decideApproval(approval: Approval, actor: string) {
    return this.transaction(async (session) => {
      const { state, decidedBy, decidedAt, comment } = approval;
      const changed =
        (
          await this.col('approvals').updateOne(
            { id: approval.id, state: 'pending' },
            { $set: { state, decidedBy, decidedAt, comment } },
            { session },
          )
        ).modifiedCount > 0;
      if (changed)
        await this.audit(
          {
            at: decidedAt ?? '',
            actor,
            entity: 'approval',
            entityId: approval.id,
            action: state,
            before: 'pending',
            after: { state, comment, recordId: approval.recordId },
          },
          session,
        );
      return changed;
    });
  }
  async dueDeadlines(now: string, limit?: number) {
    return (
      await this.col('deadlines')
        .find({ state: 'open', dueAt: { $ne: null, $lte: now } })
        .sort({ dueAt: 1 })
        .limit(limit ?? 0)
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async dueReminders(now: string, limit?: number) {
    return (
      await this.col('deadlines')
        .find({ state: 'open', reminded: false, remindAt: { $ne: null, $lte: now } })
        .sort({ remindAt: 1 })
        .limit(limit ?? 0)
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }) {
    return (
      await this.col('deadlines')
        .find({
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.formId ? { formId: filter.formId } : {}),
          ...(filter.recordIds ? { recordId: { $in: filter.recordIds } } : {}),
        })
        .sort({ dueAt: 1 })
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string) {
    return this.transaction(async (session) => {
      const changed =
        (
          await this.col('deadlines').updateOne(
            { recordId: row.recordId, key: row.key, state: 'open' },
            { $set: { state: 'breached' } },
            { session },
          )
        ).modifiedCount > 0;
      if (!changed) return false;
      for (const fine of fines)
        await this.col('fines').updateOne({ uniqueKey: fine.uniqueKey }, { $setOnInsert: { ...fine } }, { upsert: true, session });
      // Work done late before the clock saw it: its fines are due, but nobody is told it is overdue.
      if (!row.deadline.metAt)
        for (const n of notifications)
          await this.col('notifications').updateOne({ uniqueKey: n.uniqueKey }, { $setOnInsert: { ...n } }, { upsert: true, session });
      await this.audit(
        {
          at,
          actor: 'clock',
          entity: 'record',
          entityId: row.recordId,
          action: `deadline ${row.key} breached`,
          before: 'open',
          after: { fines: fines.map((f) => f.amount) },
        },
        session,
      );
      return true;
    });
  }
  async recordBreaches(items: BreachItem[], at: string) {
    if (items.length === 0) return 0;
    return this.transaction(async (session) => {
      const breached: BreachItem[] = [];
      for (const item of items) {
        const { row } = item;
        const changed =
          (
            await this.col('deadlines').updateOne(
              { recordId: row.recordId, key: row.key, state: 'open' },
              { $set: { state: 'breached' } },
              { session },
            )
          ).modifiedCount > 0;
        if (changed) breached.push(item);
      }
      if (breached.length === 0) return 0;
      const upserts = (docs: { uniqueKey: string }[]) =>
        docs.map((doc) => ({ updateOne: { filter: { uniqueKey: doc.uniqueKey }, update: { $setOnInsert: { ...doc } }, upsert: true } }));
      const fines = breached.flatMap((b) => b.fines);
      // Work done late before the clock saw it: its fines are due, but nobody is told it is overdue.
      const notices = breached.flatMap((b) => (b.row.deadline.metAt ? [] : b.notifications));
      if (fines.length > 0) await this.col('fines').bulkWrite(upserts(fines), { session, ordered: true });
      if (notices.length > 0) await this.col('notifications').bulkWrite(upserts(notices), { session, ordered: true });
      // Audit ids: one counter step for the whole batch.
      const counter = await this.col<Counter>('counters').findOneAndUpdate(
        { _id: 'audit' },
        { $inc: { value: breached.length } },
        { upsert: true, returnDocument: 'after', session },
      );
      const first = (counter?.value ?? breached.length) - breached.length + 1;
      await this.col('audit').insertMany(
        breached.map(({ row, fines: posted }, i) => ({
          id: first + i,
          at,
          actor: 'clock',
          entity: 'record',
          entityId: row.recordId,
          action: `deadline ${row.key} breached`,
          before: 'open',
          after: { fines: posted.map((f) => f.amount) },
        })),
        { session },
      );
      return breached.length;
    });
  }
  async markRemindedBatch(items: { row: DeadlineRow; notification: Notification }[]) {
    if (items.length === 0) return 0;
    return this.transaction(async (session) => {
      let reminded = 0;
      for (const { row, notification } of items) {
        const changed =
          (
            await this.col('deadlines').updateOne(
              { recordId: row.recordId, key: row.key, reminded: false },
              { $set: { reminded: true } },
              { session },
            )
          ).modifiedCount > 0;
        if (!changed) continue;
        reminded++;
        await this.col('notifications').updateOne(
          { uniqueKey: notification.uniqueKey },
          { $setOnInsert: { ...notification } },
          { upsert: true, session },
        );
      }
      return reminded;
    });
  }
  async markReminded(row: DeadlineRow, notification: Notification) {
    return this.transaction(async (session) => {
      const changed =
        (
          await this.col('deadlines').updateOne(
            { recordId: row.recordId, key: row.key, reminded: false },
            { $set: { reminded: true } },
            { session },
          )
        ).modifiedCount > 0;
      if (changed)
        await this.col('notifications').updateOne(
          { uniqueKey: notification.uniqueKey },
          { $setOnInsert: { ...notification } },
          { upsert: true, session },
        );
      return changed;
    });
  }
  async openDeadlinesOnCalendar(calendarId: string, version: number, limit: number) {
    return (
      await this.col('deadlines')
        .find({ state: 'open', 'deadline.calendar': calendarId, $or: [{ calendarVersion: null }, { calendarVersion: { $lt: version } }] })
        .sort({ recordId: 1, key: 1 })
        .limit(limit)
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async moveDeadlines(moves: DeadlineMove[], version: number) {
    return this.transaction(async (session) => {
      let written = 0;
      for (const m of moves)
        written += (
          await this.col('deadlines').updateOne(
            {
              recordId: m.recordId,
              key: m.key,
              state: 'open',
              $or: [{ calendarVersion: null }, { calendarVersion: { $lt: version } }],
              dueAt: m.was.dueAt,
              'deadline.startedAt': m.was.startedAt,
            },
            { $set: { dueAt: m.dueAt, remindAt: m.remindAt, deadline: m.deadline, calendarVersion: version } },
            { session },
          )
        ).modifiedCount;
      return written;
    });
  }
  async calendarJob(calendarId: string, version: number) {
    return plain<CalendarJob>(await this.col('calendarJobs').findOne({ calendarId, version }));
  }
  async claimCalendarJob(calendarId: string, version: number, holder: string, at: string, leaseUntil: string) {
    try {
      const claimed = await this.col('calendarJobs').findOneAndUpdate(
        { calendarId, version, state: 'running', $or: [{ holder }, { leaseUntil: { $lt: at } }] },
        { $set: { holder, leaseUntil } },
      );
      if (claimed) return true;
      const job: CalendarJob = { calendarId, version, state: 'running', holder, leaseUntil, startedAt: at, finishedAt: null, counts: null };
      await this.col('calendarJobs').insertOne({ ...job });
      return true;
    } catch (error) {
      // Another instance created it first (unique calendarId + version).
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }
  async finishCalendarJob(calendarId: string, version: number, counts: NonNullable<CalendarJob['counts']>, at: string) {
    return this.transaction(async (session) => {
      const changed =
        (
          await this.col('calendarJobs').updateOne(
            { calendarId, version, state: 'running' },
            { $set: { state: 'done', finishedAt: at, counts } },
            { session },
          )
        ).modifiedCount > 0;
      if (changed)
        await this.audit(
          {
            at,
            actor: 'clock',
            entity: 'calendar',
            entityId: calendarId,
            action: `deadlines recomputed for version ${version}`,
            before: null,
            after: { version, ...counts },
          },
          session,
        );
      return changed;
    });
  }
  async getFine(id: string) {
    return plain<FineEntry>(await this.col('fines').findOne({ id }));
  }
  async reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string) {
    return this.transaction(async (session) => {
      const added = await this.col('fines').updateOne(
        { uniqueKey: change.reversal.uniqueKey },
        { $setOnInsert: { ...change.reversal } },
        { upsert: true, session },
      );
      if (added.upsertedCount === 0) return false;
      if (change.replacement) await this.col('fines').insertOne({ ...change.replacement }, { session });
      await this.audit(
        {
          at,
          actor,
          entity: 'fine',
          entityId: change.reversal.corrects ?? '',
          action: change.replacement ? 'fine corrected' : 'fine waived',
          before: { amount: -change.reversal.amount },
          after: { amount: change.replacement?.amount ?? 0, reason: change.reversal.note, recordId: change.reversal.recordId },
        },
        session,
      );
      return true;
    });
  }
  async postNotification(notification: Notification) {
    const result = await this.col('notifications').updateOne(
      { uniqueKey: notification.uniqueKey },
      { $setOnInsert: { ...notification } },
      { upsert: true },
    );
    return result.upsertedCount > 0;
  }
  async listFines(filter: { person?: string; month?: string; formId?: string }) {
    const query: Document = {};
    if (filter.person) query.person = filter.person;
    if (filter.formId) query.formId = filter.formId;
    if (filter.month) query.postedAt = { $regex: `^${filter.month.replace(/[^0-9-]/g, '')}` };
    return (await this.col('fines').find(query).sort({ postedAt: -1 }).toArray()).map((f) => plain<FineEntry>(f)!);
  }
  async listNotifications(filter: { roles?: string[]; limit: number }) {
    return (
      await this.col('notifications')
        .find(filter.roles ? { role: { $in: filter.roles } } : {})
        .sort({ at: -1 })
        .limit(filter.limit)
        .toArray()
    ).map((n) => plain<Notification>(n)!);
  }
  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number; beforeId?: number }) {
    const query = {
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.beforeId !== undefined ? { id: { $lt: filter.beforeId } } : {}),
    };
    return (await this.col('audit').find(query).sort({ id: -1 }).limit(filter.limit).toArray()).map((a) => plain<AuditEntry>(a)!);
  }
  async appendAudit(entry: Omit<AuditEntry, 'id'>) {
    await this.transaction((session) => this.audit(entry, session));
  }

  /** Audit ids grow by one per entry, from a counter in the same transaction. */
  private async audit(entry: Omit<AuditEntry, 'id'>, session: ClientSession): Promise<void> {
    const counter = await this.col<Counter>('counters').findOneAndUpdate(
      { _id: 'audit' },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after', session },
    );
    await this.col('audit').insertOne({ id: counter?.value ?? 0, ...entry }, { session });
  }

  // Keyset pages

  async pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>> {
    const query: Document = {};
    if (filter.state) query.state = filter.state;
    if (filter.recordId) query.recordId = filter.recordId;
    if (filter.approvers)
      Object.assign(
        query,
        filter.alsoIds?.length
          ? { $or: [{ approver: { $in: filter.approvers } }, { id: { $in: filter.alsoIds } }] }
          : { approver: { $in: filter.approvers } },
      );
    if (filter.visibleTo) {
      const visible = await this.visibleRecordIds(filter.visibleTo);
      query.recordId = filter.recordId ? (visible.includes(filter.recordId) ? filter.recordId : { $in: [] }) : { $in: visible };
    }
    const after = filter.after;
    const cursor = after ? { $or: [{ createdAt: { $lt: after[0] } }, { createdAt: after[0], id: { $lt: after[1] } }] } : null;
    return this.page<Approval>('approvals', query, cursor, { createdAt: -1, id: -1 }, filter.limit);
  }
  async pageNotifications(filter: NotificationPageFilter): Promise<KeysetPage<Notification>> {
    const and: Document[] = [];
    if (filter.roles) and.push({ role: { $in: filter.roles } });
    if (filter.person) and.push({ person: { $in: [null, filter.person.username, filter.person.displayName] } });
    if (filter.visibleTo) and.push({ $or: [{ recordId: null }, { recordId: { $in: await this.visibleRecordIds(filter.visibleTo) } }] });
    const after = filter.after;
    const cursor = after ? { $or: [{ at: { $lt: after[0] } }, { at: after[0], id: { $lt: after[1] } }] } : null;
    return this.page<Notification>('notifications', and.length > 0 ? { $and: and } : {}, cursor, { at: -1, id: -1 }, filter.limit);
  }
  async pageDeadlines(filter: DeadlinePageFilter): Promise<KeysetPage<DeadlineRow>> {
    const query: Document = {};
    if (filter.state) query.state = filter.state;
    if (filter.formId) query.formId = filter.formId;
    if (filter.visibleTo) query.recordId = { $in: await this.visibleRecordIds(filter.visibleTo) };
    const after = filter.after;
    const tie = after ? { $or: [{ recordId: { $gt: after[1] } }, { recordId: after[1], key: { $gt: after[2] } }] } : null;
    // MongoDB sorts a missing due time (null) first, as SQLite does.
    const cursor = !after
      ? null
      : after[0] === null
        ? { $or: [{ dueAt: { $ne: null } }, { $and: [{ dueAt: null }, tie] }] }
        : { $or: [{ dueAt: { $gt: after[0] } }, { $and: [{ dueAt: after[0] }, tie] }] };
    return this.page<DeadlineRow>('deadlines', query, cursor, { dueAt: 1, recordId: 1, key: 1 }, filter.limit);
  }
  private async page<T>(
    collection: string,
    query: Document,
    cursor: Document | null,
    sort: Record<string, 1 | -1>,
    limit: number,
  ): Promise<KeysetPage<T>> {
    const [rows, total] = await Promise.all([
      this.col(collection)
        .find(cursor ? { $and: [query, cursor] } : query)
        .sort(sort)
        .limit(limit + 1)
        .toArray(),
      this.col(collection).countDocuments(query),
    ]);
    return { items: rows.slice(0, limit).map((r) => plain<T>(r)!), more: rows.length > limit, total };
  }
  /** Ids of the records a user may see (indexed on createdBy, assignee and store). */
  private async visibleRecordIds(visibleTo: Visibility): Promise<string[]> {
    const { username, stores } = visibleTo;
    const ids: unknown[] = await this.col('records').distinct('id', {
      $or: [{ createdBy: username }, { assignee: username }, { store: { $in: stores } }],
    });
    return ids.map(String);
  }

  // Files (at most 10 MiB each, well under a document's 16 MiB)

  async putFile(file: StoredFile) {
    await this.col('files').insertOne({ ...file, data: new Binary(file.data) });
  }
  async recordIdsWithFile(fileId: string) {
    return (await this.col('fileRefs').find({ fileId }).sort({ recordId: 1 }).toArray()).map((d) => String(d.recordId));
  }
  async fileUsage(createdBy: string, since: string) {
    const [row] = await this.col('files')
      .aggregate<{ count: number; bytes: number }>([
        { $match: { createdBy, createdAt: { $gte: since } } },
        { $group: { _id: null, count: { $sum: 1 }, bytes: { $sum: '$size' } } },
      ])
      .toArray();
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
  }
  async deleteOrphanFiles(createdBefore: string) {
    return this.transaction(async (session) => {
      const orphans = await this.col('files')
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
      if (orphans.length > 0) await this.col('files').deleteMany({ id: { $in: orphans.map((f) => f.id as string) } }, { session });
      return orphans.map((doc) => plain<Omit<StoredFile, 'data'>>(doc)!);
    });
  }
  async getFile(id: string) {
    const doc = await this.col('files').findOne({ id });
    if (!doc) return null;
    const file = plain<StoredFile & { data: Binary }>(doc)!;
    return { ...file, data: Buffer.from(file.data.buffer) };
  }
}

/** A stored user; a null or absent `deactivatedAt` is an active user. */
function toUser(doc: Document | null): User | null {
  const user = plain<User & { deactivatedAt?: string | null }>(doc);
  if (!user) return null;
  if (user.deactivatedAt === null || user.deactivatedAt === undefined) delete user.deactivatedAt;
  return user;
}
