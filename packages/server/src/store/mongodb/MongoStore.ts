import { Binary, MongoClient, MongoServerError, type ClientSession, type Collection, type Db, type Document } from 'mongodb';
import { AppError } from '../../errors/AppError.js';
import type { Store } from '../Store.js';
import { formOf } from '../formOf.js';
import { mergeApprovals } from '../mergeApprovals.js';
import type {
  ApiKey,
  Approval,
  AuditEntry,
  DeadlineRow,
  DocumentKind,
  DocumentState,
  FineEntry,
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
      this.col('apiKeys').createIndex({ keyHash: 1 }, { unique: true }),
      this.col('apiKeys').createIndex({ id: 1 }, { unique: true }),
      this.col('documents').createIndex({ kind: 1, id: 1 }, { unique: true }),
      this.col('versions').createIndex({ kind: 1, id: 1, version: -1 }, { unique: true }),
      this.col('records').createIndex({ id: 1 }, { unique: true }),
      this.col('records').createIndex({ formId: 1, createdAt: -1 }),
      this.col('approvals').createIndex({ id: 1 }, { unique: true }),
      this.col('approvals').createIndex({ recordId: 1 }),
      this.col('approvals').createIndex({ state: 1, approver: 1 }),
      this.col('deadlines').createIndex({ recordId: 1, key: 1 }, { unique: true }),
      this.col('deadlines').createIndex({ state: 1, dueAt: 1 }),
      this.col('fines').createIndex({ uniqueKey: 1 }, { unique: true }),
      this.col('notifications').createIndex({ uniqueKey: 1 }, { unique: true }),
      this.col('audit').createIndex({ entity: 1, entityId: 1, id: -1 }),
      this.col('files').createIndex({ id: 1 }, { unique: true }),
    ]);
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
      if (error instanceof MongoServerError && error.code === 11000)
        throw new AppError('conflict', `user "${user.username}" exists`, { messageZh: `用户名“${user.username}”已被使用` });
      throw error;
    }
  }
  async userByUsername(username: string) {
    return plain<User>(await this.col('users').findOne({ username }));
  }
  async userById(id: string) {
    return plain<User>(await this.col('users').findOne({ id }));
  }
  async listUsers() {
    return (await this.col('users').find().sort({ username: 1 }).toArray()).map((d) => plain<User>(d)!);
  }
  async updateUser(user: User) {
    await this.col('users').updateOne({ id: user.id }, { $set: { ...user } });
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
        const result = await this.col('records').replaceOne({ id: record.id, rev: previous.rev }, { ...record }, { session });
        if (result.matchedCount === 0)
          throw new AppError('conflict', 'the record was changed by someone else; reload it and try again', {
            messageZh: '记录已被他人修改，请刷新后再试',
          });
      } else {
        await this.col('records').insertOne({ ...record }, { session });
      }
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
      const breached = new Set(
        (await this.col('deadlines').find({ recordId: record.id, state: 'breached' }, { session }).toArray()).map((d) => String(d.key)),
      );
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
    return plain<StoredRecord>(await this.col('records').findOne({ id }));
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
    if (filter.deadlineState) query.id = { $in: await this.col('deadlines').distinct('recordId', { state: filter.deadlineState }) };
    const [items, total] = await Promise.all([
      this.col('records').find(query).sort({ createdAt: -1, id: -1 }).skip(filter.offset).limit(filter.limit).toArray(),
      this.col('records').countDocuments(query),
    ]);
    return { items: items.map((r) => plain<StoredRecord>(r)!), total };
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
  async dueDeadlines(now: string) {
    return (
      await this.col('deadlines')
        .find({ state: 'open', dueAt: { $ne: null, $lte: now } })
        .toArray()
    ).map((d) => plain<DeadlineRow>(d)!);
  }
  async dueReminders(now: string) {
    return (
      await this.col('deadlines')
        .find({ state: 'open', reminded: false, remindAt: { $ne: null, $lte: now } })
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
  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number }) {
    const query = { ...(filter.entity ? { entity: filter.entity } : {}), ...(filter.entityId ? { entityId: filter.entityId } : {}) };
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

  // Files (at most 10 MiB each, well under a document's 16 MiB)

  async putFile(file: StoredFile) {
    await this.col('files').insertOne({ ...file, data: new Binary(file.data) });
  }
  async getFile(id: string) {
    const doc = await this.col('files').findOne({ id });
    if (!doc) return null;
    const file = plain<StoredFile & { data: Binary }>(doc)!;
    return { ...file, data: Buffer.from(file.data.buffer) };
  }
}
