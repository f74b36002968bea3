import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../errors/AppError.js';
import type { Store } from '../Store.js';
import { formOf } from '../formOf.js';
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
import { ADDED_COLUMNS, SCHEMA } from './schema.js';
import { mergeApprovals } from '../mergeApprovals.js';

type Row = Record<string, unknown>;
const json = (value: unknown) => JSON.stringify(value ?? null);
const parse = <T>(text: unknown): T => JSON.parse(text as string) as T;
const str = (value: unknown) => (value === null || value === undefined ? null : (value as string));

/** The embedded store: one SQLite file under the data directory, WAL with full sync. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'aftersales.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it returns, so an acknowledged write survives a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    for (const { table, column, definition } of ADDED_COLUMNS) {
      const columns = this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (!columns.some((c) => c.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) this.flush();
    this.db.close();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // Users, sessions, API keys

  async countUsers() {
    return Number((this.stmt('SELECT COUNT(*) AS n FROM users').get() as Row).n);
  }
  async createUser(user: User) {
    try {
      this.stmt('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        user.id,
        user.username,
        user.displayName,
        user.passwordHash,
        json(user.roles),
        json(user.policyRoles),
        json(user.stores),
        user.createdAt,
      );
    } catch (error) {
      if (String(error).includes('UNIQUE'))
        throw new AppError('conflict', `user "${user.username}" exists`, { messageZh: `用户名“${user.username}”已被使用` });
      throw error;
    }
  }
  async userByUsername(username: string) {
    return toUser(this.stmt('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined);
  }
  async userById(id: string) {
    return toUser(this.stmt('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined);
  }
  async listUsers() {
    return (this.stmt('SELECT * FROM users ORDER BY username').all() as Row[]).map((r) => toUser(r)!);
  }
  async updateUser(user: User) {
    this.stmt('UPDATE users SET display_name = ?, password_hash = ?, roles = ?, policy_roles = ?, stores = ? WHERE id = ?').run(
      user.displayName,
      user.passwordHash,
      json(user.roles),
      json(user.policyRoles),
      json(user.stores),
      user.id,
    );
  }
  async createSession(session: Session) {
    this.stmt('INSERT INTO sessions VALUES (?, ?, ?)').run(session.tokenHash, session.userId, session.expiresAt);
  }
  async sessionByHash(tokenHash: string) {
    const row = this.stmt('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row ? { tokenHash: String(row.token_hash), userId: String(row.user_id), expiresAt: String(row.expires_at) } : null;
  }
  async deleteSession(tokenHash: string) {
    this.stmt('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }
  async deleteSessionsOf(userId: string) {
    this.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }
  async createApiKey(key: ApiKey) {
    this.stmt('INSERT INTO api_keys VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      key.id,
      key.name,
      key.keyHash,
      json(key.scopes),
      key.createdBy,
      key.createdAt,
      key.revoked ? 1 : 0,
    );
  }
  async apiKeyByHash(keyHash: string) {
    return toApiKey(this.stmt('SELECT * FROM api_keys WHERE key_hash = ?').get(keyHash) as Row | undefined);
  }
  async listApiKeys() {
    return (this.stmt('SELECT * FROM api_keys ORDER BY created_at').all() as Row[]).map((r) => toApiKey(r)!);
  }
  async revokeApiKey(id: string) {
    return this.stmt('UPDATE api_keys SET revoked = 1 WHERE id = ?').run(id).changes > 0;
  }

  // Definitions and versions

  async listDocuments(kind: DocumentKind) {
    const rows = this.stmt('SELECT id FROM documents WHERE kind = ? ORDER BY id').all(kind) as Row[];
    return rows.map((r) => this.documentSync(kind, String(r.id))!);
  }
  async getDocument(kind: DocumentKind, id: string) {
    return this.documentSync(kind, id);
  }
  private documentSync(kind: DocumentKind, id: string): DocumentState | null {
    const doc = this.stmt('SELECT * FROM documents WHERE kind = ? AND id = ?').get(kind, id) as Row | undefined;
    if (!doc) return null;
    const latest = this.stmt('SELECT * FROM versions WHERE kind = ? AND id = ? ORDER BY version DESC LIMIT 1').get(kind, id) as
      Row | undefined;
    return {
      kind,
      id,
      ...(doc.form ? { form: doc.form as string } : {}),
      archived: Boolean(doc.archived),
      published: latest ? toVersion(latest) : null,
      draft: doc.draft
        ? { definition: parse(doc.draft), updatedAt: String(doc.draft_updated_at), updatedBy: String(doc.draft_updated_by) }
        : null,
    };
  }
  async saveDraft(kind: DocumentKind, id: string, definition: unknown, actor: string, at: string) {
    const form = formOf(kind, definition);
    this.db.transaction(() => {
      const before = this.documentSync(kind, id)?.draft?.definition ?? null;
      this.stmt(
        `INSERT INTO documents (kind, id, form, draft, draft_updated_at, draft_updated_by) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (kind, id) DO UPDATE SET draft = excluded.draft, draft_updated_at = excluded.draft_updated_at,
           draft_updated_by = excluded.draft_updated_by, form = COALESCE(excluded.form, documents.form)`,
      ).run(kind, id, form, json(definition), at, actor);
      this.auditSync({ at, actor, entity: 'definition', entityId: `${kind}:${id}`, action: 'draft.save', before, after: definition });
    })();
  }
  async discardDraft(kind: DocumentKind, id: string, actor: string, at: string) {
    return this.db.transaction(() => {
      const before = this.documentSync(kind, id)?.draft?.definition;
      if (before === undefined) return false;
      this.stmt('UPDATE documents SET draft = NULL, draft_updated_at = NULL, draft_updated_by = NULL WHERE kind = ? AND id = ?').run(
        kind,
        id,
      );
      this.auditSync({ at, actor, entity: 'definition', entityId: `${kind}:${id}`, action: 'draft.discard', before, after: null });
      return true;
    })();
  }
  async setArchived(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string) {
    return this.db.transaction(() => {
      const changed = this.stmt('UPDATE documents SET archived = ? WHERE kind = ? AND id = ?').run(archived ? 1 : 0, kind, id).changes > 0;
      if (changed) {
        this.bumpGeneration();
        this.auditSync({
          at,
          actor,
          entity: 'definition',
          entityId: `${kind}:${id}`,
          action: archived ? 'archive' : 'unarchive',
          before: null,
          after: null,
        });
      }
      return changed;
    })();
  }
  async publish(items: Parameters<Store['publish']>[0], actor: string, at: string) {
    return this.db.transaction(() =>
      items.map((item) => {
        const latest = this.stmt(
          'SELECT version, hash, definition FROM versions WHERE kind = ? AND id = ? ORDER BY version DESC LIMIT 1',
        ).get(item.kind, item.id) as Row | undefined;
        this.stmt(
          'INSERT INTO documents (kind, id, form) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET form = COALESCE(excluded.form, documents.form)',
        ).run(item.kind, item.id, formOf(item.kind, item.definition));
        if (item.clearDraft)
          this.stmt('UPDATE documents SET draft = NULL, draft_updated_at = NULL, draft_updated_by = NULL WHERE kind = ? AND id = ?').run(
            item.kind,
            item.id,
          );
        if (latest && latest.hash === item.hash) return { kind: item.kind, id: item.id, version: Number(latest.version), created: false };
        const version = latest ? Number(latest.version) + 1 : 1;
        this.stmt('INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          item.kind,
          item.id,
          version,
          json(item.definition),
          item.hash,
          at,
          actor,
          item.note ?? null,
        );
        this.bumpGeneration();
        this.auditSync({
          at,
          actor,
          entity: 'definition',
          entityId: `${item.kind}:${item.id}`,
          action: `publish v${version}`,
          before: latest ? parse(latest.definition) : null,
          after: item.definition,
        });
        return { kind: item.kind, id: item.id, version, created: true };
      }),
    )();
  }
  async definitionsGeneration() {
    return Number((this.stmt('SELECT value FROM generation WHERE id = 1').get() as Row).value);
  }
  private bumpGeneration() {
    this.stmt('UPDATE generation SET value = value + 1 WHERE id = 1').run();
  }
  async listVersions(kind: DocumentKind, id: string) {
    const rows = this.stmt(
      'SELECT kind, id, version, hash, published_at, published_by, note FROM versions WHERE kind = ? AND id = ? ORDER BY version DESC',
    ).all(kind, id) as Row[];
    return rows.map((r) => {
      const { definition: _definition, ...rest } = toVersion({ ...r, definition: 'null' });
      return rest;
    });
  }
  async getVersion(kind: DocumentKind, id: string, version: number) {
    const row = this.stmt('SELECT * FROM versions WHERE kind = ? AND id = ? AND version = ?').get(kind, id, version) as Row | undefined;
    return row ? toVersion(row) : null;
  }

  // Records

  /**
   * Group commit: record writes that arrive in the same turn of the event loop share one transaction
   * (one fsync), each in a savepoint of its own so that one conflict fails only its own write. Every
   * caller is answered after the commit, so an acknowledged write is durable.
   */
  writeRecord(write: RecordWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private pending: { write: RecordWrite; resolve: () => void; reject: (error: unknown) => void }[] = [];

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const outcomes: { error: unknown }[] = [];
    try {
      this.db.transaction(() => {
        for (const { write } of batch) {
          try {
            this.writeOne(write);
            outcomes.push({ error: null });
          } catch (error) {
            outcomes.push({ error: error ?? new Error('write failed') });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => (outcomes[i]?.error ? item.reject(outcomes[i].error) : item.resolve()));
  }

  /** One record write, in a savepoint of the batch's transaction. */
  private writeOne(write: RecordWrite): void {
    const { record, previous } = write;
    this.db.transaction(() => {
      if (previous) {
        const changed = this.stmt(
          'UPDATE records SET form_version = ?, rule_set_versions = ?, status = ?, data = ?, evaluation = ?, store = ?, assignee = ?, updated_at = ?, rev = ? WHERE id = ? AND rev = ?',
        ).run(
          record.formVersion,
          json(record.ruleSetVersions),
          record.status,
          json(record.data),
          json(record.evaluation),
          record.store,
          record.assignee,
          record.updatedAt,
          record.rev,
          record.id,
          previous.rev,
        ).changes;
        if (changed === 0)
          throw new AppError('conflict', 'the record was changed by someone else; reload it and try again', {
            messageZh: '记录已被他人修改，请刷新后再试',
          });
      } else {
        this.stmt('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          record.id,
          record.formId,
          record.formVersion,
          json(record.ruleSetVersions),
          record.status,
          json(record.data),
          json(record.evaluation),
          record.store,
          record.assignee,
          record.createdBy,
          record.createdAt,
          record.updatedAt,
          record.rev,
        );
      }
      // Approvals once asked for stay (mergeApprovals): an edit adds what the policy newly asks, never removes.
      const existing = previous ? (this.stmt('SELECT * FROM approvals WHERE record_id = ?').all(record.id) as Row[]).map(toApproval) : [];
      for (const a of mergeApprovals(existing, write.approvals)) {
        this.stmt(
          `INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, decided_by, decided_at, comment,
             created_at, requested_rev, requested_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          a.id,
          a.recordId,
          a.formId,
          a.approver,
          a.before,
          json(a.reason),
          a.rule,
          a.state,
          null,
          null,
          null,
          a.createdAt,
          a.requestedRev ?? null,
          a.requestedData === undefined ? null : json(a.requestedData),
        );
      }
      // Deadlines: a breach already recorded stays breached (its fines are posted once).
      const breached = new Set(
        previous
          ? (this.stmt("SELECT key FROM deadlines WHERE record_id = ? AND state = 'breached'").all(record.id) as Row[]).map((r) =>
              String(r.key),
            )
          : [],
      );
      if (previous) this.stmt("DELETE FROM deadlines WHERE record_id = ? AND state != 'breached'").run(record.id);
      for (const d of write.deadlines) {
        if (breached.has(d.key)) continue;
        this.stmt('INSERT INTO deadlines VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          d.recordId,
          d.formId,
          d.key,
          d.dueAt,
          d.state,
          d.remindAt,
          0,
          json(d.deadline),
        );
      }
      for (const f of write.fines) this.insertFine(f);
      for (const n of write.notifications) this.insertNotification(n);
      this.auditSync({
        at: record.updatedAt,
        actor: write.actor,
        entity: 'record',
        entityId: record.id,
        action: write.action,
        before: previous?.data ?? null,
        after: record.data,
      });
    })();
  }

  async getRecord(id: string) {
    return toRecord(this.stmt('SELECT * FROM records WHERE id = ?').get(id) as Row | undefined);
  }
  async listRecords(filter: RecordFilter) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (filter.formId) add('form_id = ?', filter.formId);
    if (filter.createdBy) add('created_by = ?', filter.createdBy);
    if (filter.person) {
      where.push('(created_by = ? OR assignee = ?)');
      params.push(filter.person, filter.person);
    }
    if (filter.visibleTo) {
      const { username, stores } = filter.visibleTo;
      where.push(`(created_by = ? OR assignee = ?${stores.length > 0 ? ` OR store IN (${stores.map(() => '?').join(', ')})` : ''})`);
      params.push(username, username, ...stores);
    }
    if (filter.status) add('status = ?', filter.status);
    if (filter.assignee) add('assignee = ?', filter.assignee);
    if (filter.store) add('store = ?', filter.store);
    if (filter.createdFrom) add('created_at >= ?', filter.createdFrom);
    if (filter.createdTo) add('created_at <= ?', filter.createdTo);
    if (filter.deadlineState) add('id IN (SELECT record_id FROM deadlines WHERE state = ?)', filter.deadlineState);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((this.stmt(`SELECT COUNT(*) AS n FROM records ${clause}`).get(...params) as Row).n);
    const rows = this.stmt(`SELECT * FROM records ${clause} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
      ...params,
      filter.limit,
      filter.offset,
    ) as Row[];
    return { items: rows.map((r) => toRecord(r)!), total };
  }

  // Approvals, deadlines, fines, notices, audit

  async listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    if (filter.recordId) {
      where.push('record_id = ?');
      params.push(filter.recordId);
    }
    if (filter.approvers) {
      where.push(`approver IN (${filter.approvers.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...filter.approvers);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return (this.stmt(`SELECT * FROM approvals ${clause} ORDER BY created_at DESC LIMIT 1000`).all(...params) as Row[]).map(toApproval);
  }
  async getApproval(id: string) {
    const row = this.stmt('SELECT * FROM approvals WHERE id = ?').get(id) as Row | undefined;
    return row ? toApproval(row) : null;
  }
  async decideApproval(approval: Approval, actor: string) {
    return this.db.transaction(() => {
      const changed =
        this.stmt("UPDATE approvals SET state = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ? AND state = 'pending'").run(
          approval.state,
          approval.decidedBy,
          approval.decidedAt,
          approval.comment,
          approval.id,
        ).changes > 0;
      if (changed)
        this.auditSync({
          at: approval.decidedAt ?? '',
          actor,
          entity: 'approval',
          entityId: approval.id,
          action: approval.state,
          before: 'pending',
          after: { state: approval.state, comment: approval.comment, recordId: approval.recordId },
        });
      return changed;
    })();
  }
  async dueDeadlines(now: string) {
    return (this.stmt("SELECT * FROM deadlines WHERE state = 'open' AND due_at IS NOT NULL AND due_at <= ?").all(now) as Row[]).map(
      toDeadline,
    );
  }
  async dueReminders(now: string) {
    return (
      this.stmt("SELECT * FROM deadlines WHERE state = 'open' AND reminded = 0 AND remind_at IS NOT NULL AND remind_at <= ?").all(
        now,
      ) as Row[]
    ).map(toDeadline);
  }
  async listDeadlines(filter: { state?: DeadlineRow['state']; formId?: string; recordIds?: string[] }) {
    const rows = (
      filter.recordIds
        ? filter.recordIds.length === 0
          ? []
          : this.stmt('SELECT * FROM deadlines WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY due_at').all(
              json(filter.recordIds),
            )
        : this.stmt('SELECT * FROM deadlines ORDER BY due_at').all()
    ) as Row[];
    return rows
      .map(toDeadline)
      .filter((d) => (!filter.state || d.state === filter.state) && (!filter.formId || d.formId === filter.formId));
  }
  async recordBreach(row: DeadlineRow, fines: FineEntry[], notifications: Notification[], at: string) {
    return this.db.transaction(() => {
      const changed =
        this.stmt("UPDATE deadlines SET state = 'breached' WHERE record_id = ? AND key = ? AND state = 'open'").run(row.recordId, row.key)
          .changes > 0;
      if (!changed) return false;
      for (const f of fines) this.insertFine(f);
      for (const n of notifications) this.insertNotification(n);
      this.auditSync({
        at,
        actor: 'clock',
        entity: 'record',
        entityId: row.recordId,
        action: `deadline ${row.key} breached`,
        before: 'open',
        after: { fines: fines.map((f) => f.amount) },
      });
      return true;
    })();
  }
  async markReminded(row: DeadlineRow, notification: Notification) {
    return this.db.transaction(() => {
      const changed =
        this.stmt('UPDATE deadlines SET reminded = 1 WHERE record_id = ? AND key = ? AND reminded = 0').run(row.recordId, row.key).changes >
        0;
      if (changed) this.insertNotification(notification);
      return changed;
    })();
  }
  async postNotification(notification: Notification) {
    return (
      this.stmt('INSERT OR IGNORE INTO notifications VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        notification.id,
        notification.uniqueKey,
        notification.at,
        notification.role,
        notification.person,
        notification.recordId,
        json(notification.message),
      ).changes > 0
    );
  }
  async listFines(filter: { person?: string; month?: string; formId?: string }) {
    const rows = this.stmt('SELECT * FROM fines ORDER BY posted_at DESC').all() as Row[];
    return rows
      .map(toFine)
      .filter(
        (f) =>
          (!filter.person || f.person === filter.person) &&
          (!filter.month || f.postedAt.startsWith(filter.month)) &&
          (!filter.formId || f.formId === filter.formId),
      );
  }
  async listNotifications(filter: { roles?: string[]; limit: number }) {
    const rows = this.stmt('SELECT * FROM notifications ORDER BY at DESC LIMIT ?').all(filter.limit * 10) as Row[];
    return rows
      .map((r) => ({
        id: String(r.id),
        uniqueKey: String(r.unique_key),
        at: String(r.at),
        role: String(r.role),
        person: str(r.person),
        recordId: str(r.record_id),
        message: parse<Notification['message']>(r.message),
      }))
      .filter((n) => !filter.roles || filter.roles.includes(n.role))
      .slice(0, filter.limit);
  }
  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number }) {
    const rows = this.stmt(
      'SELECT * FROM audit WHERE (? IS NULL OR entity = ?) AND (? IS NULL OR entity_id = ?) ORDER BY id DESC LIMIT ?',
    ).all(filter.entity ?? null, filter.entity ?? null, filter.entityId ?? null, filter.entityId ?? null, filter.limit) as Row[];
    return rows.map((r) => ({
      id: Number(r.id),
      at: String(r.at),
      actor: String(r.actor),
      entity: String(r.entity) as AuditEntry['entity'],
      entityId: String(r.entity_id),
      action: String(r.action),
      before: r.before === null ? null : parse(r.before),
      after: r.after === null ? null : parse(r.after),
    }));
  }
  async appendAudit(entry: Omit<AuditEntry, 'id'>) {
    this.auditSync(entry);
  }

  // Files

  async putFile(file: StoredFile) {
    this.stmt('INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      file.id,
      file.name,
      file.contentType,
      file.size,
      file.sha256,
      file.data,
      file.createdBy,
      file.createdAt,
    );
  }
  async getFile(id: string) {
    const row = this.stmt('SELECT * FROM files WHERE id = ?').get(id) as Row | undefined;
    if (!row) return null;
    return {
      id: String(row.id),
      name: String(row.name),
      contentType: String(row.content_type),
      size: Number(row.size),
      sha256: String(row.sha256),
      data: row.data as Buffer,
      createdBy: String(row.created_by),
      createdAt: String(row.created_at),
    };
  }

  private auditSync(entry: Omit<AuditEntry, 'id'>) {
    this.stmt('INSERT INTO audit (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      entry.at,
      entry.actor,
      entry.entity,
      entry.entityId,
      entry.action,
      json(entry.before),
      json(entry.after),
    );
  }
  private insertFine(f: FineEntry) {
    this.stmt('INSERT OR IGNORE INTO fines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      f.id,
      f.uniqueKey,
      f.recordId,
      f.formId,
      f.payerRole,
      f.person,
      f.amount,
      json(f.reason),
      f.origin,
      f.postedAt,
    );
  }
  private insertNotification(n: Notification) {
    this.stmt('INSERT OR IGNORE INTO notifications VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      n.id,
      n.uniqueKey,
      n.at,
      n.role,
      n.person,
      n.recordId,
      json(n.message),
    );
  }
}

function toUser(row: Row | undefined): User | null {
  if (!row) return null;
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    passwordHash: String(row.password_hash),
    roles: parse(row.roles),
    policyRoles: parse(row.policy_roles),
    stores: parse(row.stores),
    createdAt: String(row.created_at),
  };
}

function toApiKey(row: Row | undefined): ApiKey | null {
  if (!row) return null;
  return {
    id: String(row.id),
    name: String(row.name),
    keyHash: String(row.key_hash),
    scopes: parse(row.scopes),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    revoked: Boolean(row.revoked),
  };
}

function toVersion(row: Row): PublishedVersion {
  return {
    kind: String(row.kind) as DocumentKind,
    id: String(row.id),
    version: Number(row.version),
    definition: parse(row.definition),
    hash: String(row.hash),
    publishedAt: String(row.published_at),
    publishedBy: String(row.published_by),
    ...(row.note ? { note: row.note as string } : {}),
  };
}

function toRecord(row: Row | undefined): StoredRecord | null {
  if (!row) return null;
  return {
    id: String(row.id),
    formId: String(row.form_id),
    formVersion: Number(row.form_version),
    ruleSetVersions: parse(row.rule_set_versions),
    status: str(row.status),
    data: parse(row.data),
    evaluation: parse(row.evaluation),
    store: str(row.store),
    assignee: str(row.assignee),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    rev: Number(row.rev),
  };
}

function toApproval(row: Row): Approval {
  return {
    id: String(row.id),
    recordId: String(row.record_id),
    formId: String(row.form_id),
    approver: String(row.approver),
    before: String(row.before_status),
    reason: parse(row.reason),
    rule: String(row.rule),
    state: String(row.state) as Approval['state'],
    decidedBy: str(row.decided_by),
    decidedAt: str(row.decided_at),
    comment: str(row.comment),
    createdAt: String(row.created_at),
    ...(row.requested_rev === null || row.requested_rev === undefined ? {} : { requestedRev: Number(row.requested_rev) }),
    ...(row.requested_data === null || row.requested_data === undefined ? {} : { requestedData: parse(row.requested_data) }),
  };
}

function toDeadline(row: Row): DeadlineRow {
  return {
    recordId: String(row.record_id),
    formId: String(row.form_id),
    key: String(row.key),
    dueAt: str(row.due_at),
    state: String(row.state) as DeadlineRow['state'],
    remindAt: str(row.remind_at),
    reminded: Boolean(row.reminded),
    deadline: parse(row.deadline),
  };
}

function toFine(row: Row): FineEntry {
  return {
    id: String(row.id),
    uniqueKey: String(row.unique_key),
    recordId: String(row.record_id),
    formId: String(row.form_id),
    payerRole: String(row.payer_role),
    person: str(row.person),
    amount: Number(row.amount),
    reason: parse(row.reason),
    origin: String(row.origin) as FineEntry['origin'],
    postedAt: String(row.posted_at),
  };
}
