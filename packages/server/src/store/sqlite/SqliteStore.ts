import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../errors/DomainError.js';
import type { BreachItem, Store } from '../Store.js';
import type { ApprovalPageFilter, DeadlinePageFilter, KeysetPage, NotificationPageFilter, Visibility } from '../paging.js';
import { decodeEvaluation, encodeEvaluation } from '../evaluationCodec.js';
import { formOf } from '../formOf.js';
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
import { BACKFILL_FILE_REFS, INDEXES, SCHEMA } from './schema.js';
import { addMissingColumns } from './migrate.js';
import { preparePrivateFiles, tightenDatabaseFiles } from './privateFiles.js';
import { fileIdsIn } from '../fileRefs.js';
import { withMetAt } from '../metLate.js';
import { mergeApprovals } from '../mergeApprovals.js';

type Row = Record<string, unknown>;
const json = (value: unknown) => JSON.stringify(value ?? null);
const parse = <T>(text: unknown): T => JSON.parse(text as string) as T;
const str = (value: unknown) => (value === null || value === undefined ? null : (value as string));

/** The embedded store: one SQLite file under the data directory, WAL with full sync. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    const file = join(dataDir, 'aftersales.sqlite');
    preparePrivateFiles(dataDir, file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    tightenDatabaseFiles(file);
    // FULL: a commit is on disk before it returns, so an acknowledged write survives a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    addMissingColumns(this.db);
    this.db.exec(BACKFILL_FILE_REFS);
    this.db.exec(INDEXES);
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
      this.stmt(
        'INSERT INTO users (id, username, display_name, password_hash, roles, policy_roles, stores, created_at, deactivated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        user.id,
        user.username,
        user.displayName,
        user.passwordHash,
        json(user.roles),
        json(user.policyRoles),
        json(user.stores),
        user.createdAt,
        user.deactivatedAt ?? null,
      );
    } catch (error) {
      if (String(error).includes('UNIQUE')) throw new DomainError('user.exists', { username: user.username });
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
    this.stmt('INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at) VALUES (?, ?, ?, ?)').run(
      session.tokenHash,
      session.userId,
      session.expiresAt,
      session.lastSeenAt,
    );
  }
  async sessionByHash(tokenHash: string) {
    const row = this.stmt('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    return row
      ? {
          tokenHash: String(row.token_hash),
          userId: String(row.user_id),
          expiresAt: String(row.expires_at),
          lastSeenAt: String(row.last_seen_at),
        }
      : null;
  }
  async deleteSession(tokenHash: string) {
    this.stmt('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }
  async deleteSessionsOf(userId: string) {
    this.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }
  async touchSession(tokenHash: string, lastSeenAt: string) {
    this.stmt('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?').run(lastSeenAt, tokenHash, lastSeenAt);
  }
  async purgeSessions(now: string, idleSince: string) {
    return this.stmt('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, idleSince).changes;
  }
  async addLoginFailure(key: string, at: string, forgetBefore: string) {
    const row = this.stmt(
      `INSERT INTO login_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END,
         last_failure_at = MAX(last_failure_at, excluded.last_failure_at)
       RETURNING *`,
    ).get(key, at, forgetBefore) as Row;
    return toLoginFailures(row);
  }
  async loginFailures(keys: string[]) {
    if (keys.length === 0) return [];
    const rows = this.db.prepare(`SELECT * FROM login_failures WHERE key IN (${keys.map(() => '?').join(', ')})`).all(...keys) as Row[];
    return rows.map(toLoginFailures);
  }
  async forgiveLoginFailure(key: string) {
    this.stmt('UPDATE login_failures SET failures = failures - 1 WHERE key = ? AND failures > 0').run(key);
  }
  async clearLoginFailures(key: string) {
    this.stmt('DELETE FROM login_failures WHERE key = ?').run(key);
  }
  async purgeLoginFailures(before: string) {
    return this.stmt('DELETE FROM login_failures WHERE last_failure_at < ?').run(before).changes;
  }
  async setUserDeactivated(userId: string, at: string | null, actor: string, now: string) {
    return this.db.transaction(() => {
      const before = toUser(this.stmt('SELECT * FROM users WHERE id = ?').get(userId) as Row | undefined);
      if (!before) return null;
      this.stmt('UPDATE users SET deactivated_at = ? WHERE id = ?').run(at, userId);
      const user = toUser(this.stmt('SELECT * FROM users WHERE id = ?').get(userId) as Row)!;
      const revokedKeys: string[] = [];
      if (at !== null) {
        this.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
        const keys = this.stmt('SELECT * FROM api_keys WHERE created_by = ? AND revoked = 0').all(before.username) as Row[];
        for (const key of keys.map((k) => toApiKey(k)!)) {
          this.stmt('UPDATE api_keys SET revoked = 1 WHERE id = ?').run(key.id);
          revokedKeys.push(key.id);
          this.auditSync({
            at: now,
            actor,
            entity: 'apiKey',
            entityId: key.id,
            action: 'revoke (creator deactivated)',
            before: { name: key.name, revoked: false },
            after: { name: key.name, revoked: true },
          });
        }
      }
      this.auditSync({
        at: now,
        actor,
        entity: 'user',
        entityId: userId,
        action: at === null ? 'reactivate' : 'deactivate',
        before: { username: before.username, deactivatedAt: before.deactivatedAt ?? null },
        after: { username: user.username, deactivatedAt: user.deactivatedAt ?? null, ...(at === null ? {} : { revokedKeys }) },
      });
      return { user, revokedKeys };
    })();
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
          encodeEvaluation(record.evaluation),
          record.store,
          record.assignee,
          record.updatedAt,
          record.rev,
          record.id,
          previous.rev,
        ).changes;
        if (changed === 0) throw new DomainError('record.changedMeanwhile', {});
      } else {
        this.stmt('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          record.id,
          record.formId,
          record.formVersion,
          json(record.ruleSetVersions),
          record.status,
          json(record.data),
          encodeEvaluation(record.evaluation),
          record.store,
          record.assignee,
          record.createdBy,
          record.createdAt,
          record.updatedAt,
          record.rev,
        );
      }
      for (const fileId of fileIdsIn(record.data)) this.stmt('INSERT OR IGNORE INTO file_refs VALUES (?, ?)').run(fileId, record.id);
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
      const breached = new Map(
        previous
          ? (this.stmt("SELECT key, deadline FROM deadlines WHERE record_id = ? AND state = 'breached'").all(record.id) as Row[]).map(
              (r) => [String(r.key), parse<DeadlineRow['deadline']>(r.deadline)] as const,
            )
          : [],
      );
      if (previous) this.stmt("DELETE FROM deadlines WHERE record_id = ? AND state != 'breached'").run(record.id);
      for (const d of write.deadlines) {
        const breach = breached.get(d.key);
        if (breach) {
          // The breach stays as the clock recorded it; only when the work was done (late) is added, so it stops counting.
          if (breach.metAt !== d.deadline.metAt)
            this.stmt("UPDATE deadlines SET deadline = ? WHERE record_id = ? AND key = ? AND state = 'breached'").run(
              json(withMetAt(breach, d.deadline.metAt)),
              record.id,
              d.key,
            );
          continue;
        }
        this.stmt(
          'INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(d.recordId, d.formId, d.key, d.dueAt, d.state, d.remindAt, 0, json(d.deadline));
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
    if (filter.dataRange) {
      const { field, kind, from, to } = filter.dataRange;
      // Values may carry any offset: date-times compare as instants (julianday reads the offset), dates as text.
      const value = kind === 'date' ? 'json_extract(data, ?)' : 'julianday(json_extract(data, ?))';
      const bound = kind === 'date' ? '?' : 'julianday(?)';
      where.push(`${value} IS NOT NULL`);
      params.push(`$.${field}`);
      if (from) {
        where.push(`${value} >= ${bound}`);
        params.push(`$.${field}`, from);
      }
      if (to) {
        where.push(`${value} <= ${bound}`);
        params.push(`$.${field}`, to);
      }
    }
    if (filter.deadlineState) add('id IN (SELECT record_id FROM deadlines WHERE state = ?)', filter.deadlineState);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((this.stmt(`SELECT COUNT(*) AS n FROM records ${clause}`).get(...params) as Row).n);
    const after = filter.after;
    const paged = after ? `${clause ? `${clause} AND` : 'WHERE'} (created_at < ? OR (created_at = ? AND id < ?))` : clause;
    const rows = this.stmt(`SELECT * FROM records ${paged} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(
      ...params,
      ...(after ? [after[0], after[0], after[1]] : []),
      filter.limit,
      after ? 0 : filter.offset,
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
  async dueDeadlines(now: string, limit = -1) {
    return (
      this.stmt("SELECT * FROM deadlines WHERE state = 'open' AND due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?").all(
        now,
        limit,
      ) as Row[]
    ).map(toDeadline);
  }
  async dueReminders(now: string, limit = -1) {
    return (
      this.stmt(
        "SELECT * FROM deadlines WHERE state = 'open' AND reminded = 0 AND remind_at IS NOT NULL AND remind_at <= ? ORDER BY remind_at LIMIT ?",
      ).all(now, limit) as Row[]
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
    return this.db.transaction(() => this.breachOne({ row, fines, notifications }, at))();
  }
  async recordBreaches(items: BreachItem[], at: string) {
    return this.clockBatch(() => items.filter((item) => this.breachOne(item, at)).length);
  }
  /** Marks one open deadline breached with its fines, notices and audit entry (inside a transaction); false when it was not open. */
  private breachOne({ row, fines, notifications }: BreachItem, at: string): boolean {
    const changed =
      this.stmt("UPDATE deadlines SET state = 'breached' WHERE record_id = ? AND key = ? AND state = 'open'").run(row.recordId, row.key)
        .changes > 0;
    if (!changed) return false;
    for (const f of fines) this.insertFine(f);
    // Work done late before the clock saw it: its fines are due, but nobody is told it is overdue.
    if (!row.deadline.metAt) for (const n of notifications) this.insertNotification(n);
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
  }
  async markRemindedBatch(items: { row: DeadlineRow; notification: Notification }[]) {
    return this.clockBatch(() => {
      let reminded = 0;
      for (const { row, notification } of items) {
        const changed =
          this.stmt('UPDATE deadlines SET reminded = 1 WHERE record_id = ? AND key = ? AND reminded = 0').run(row.recordId, row.key)
            .changes > 0;
        if (!changed) continue;
        reminded++;
        this.insertNotification(notification);
      }
      return reminded;
    });
  }
  /**
   * One transaction of the clock, committed without waiting for the disk (synchronous NORMAL: the
   * WAL stays consistent, and the next durable commit — any record write — makes it durable too).
   * A batch lost to a power cut before that is only undone, never half done: its deadlines are
   * open again and the next tick breaches them with the same unique keys. The fsync a FULL commit
   * waits for would otherwise hold the event loop for each batch.
   */
  private clockBatch<T>(work: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.db.transaction(work)();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
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
  async openDeadlinesOnCalendar(calendarId: string, version: number, limit: number) {
    return (
      this.stmt(
        `SELECT * FROM deadlines WHERE state = 'open' AND json_extract(deadline, '$.calendar') = ?
           AND (calendar_version IS NULL OR calendar_version < ?) ORDER BY record_id, key LIMIT ?`,
      ).all(calendarId, version, limit) as Row[]
    ).map(toDeadline);
  }
  async moveDeadlines(moves: DeadlineMove[], version: number) {
    return this.db.transaction(() => {
      let written = 0;
      for (const m of moves)
        written += this.stmt(
          `UPDATE deadlines SET due_at = ?, remind_at = ?, deadline = ?, calendar_version = ?
             WHERE record_id = ? AND key = ? AND state = 'open' AND (calendar_version IS NULL OR calendar_version < ?)
               AND due_at IS ? AND json_extract(deadline, '$.startedAt') IS ?`,
        ).run(m.dueAt, m.remindAt, json(m.deadline), version, m.recordId, m.key, version, m.was.dueAt, m.was.startedAt).changes;
      return written;
    })();
  }
  async calendarJob(calendarId: string, version: number) {
    const row = this.stmt('SELECT * FROM calendar_jobs WHERE calendar_id = ? AND version = ?').get(calendarId, version) as Row | undefined;
    return row ? toCalendarJob(row) : null;
  }
  async claimCalendarJob(calendarId: string, version: number, holder: string, at: string, leaseUntil: string) {
    return this.db.transaction(() => {
      const inserted = this.stmt(
        "INSERT OR IGNORE INTO calendar_jobs (calendar_id, version, state, holder, lease_until, started_at) VALUES (?, ?, 'running', ?, ?, ?)",
      ).run(calendarId, version, holder, leaseUntil, at).changes;
      if (inserted > 0) return true;
      return (
        this.stmt(
          `UPDATE calendar_jobs SET holder = ?, lease_until = ? WHERE calendar_id = ? AND version = ? AND state = 'running'
             AND (holder = ? OR lease_until < ?)`,
        ).run(holder, leaseUntil, calendarId, version, holder, at).changes > 0
      );
    })();
  }
  async finishCalendarJob(calendarId: string, version: number, counts: NonNullable<CalendarJob['counts']>, at: string) {
    return this.db.transaction(() => {
      const changed =
        this.stmt(
          "UPDATE calendar_jobs SET state = 'done', finished_at = ?, counts = ? WHERE calendar_id = ? AND version = ? AND state = 'running'",
        ).run(at, json(counts), calendarId, version).changes > 0;
      if (changed)
        this.auditSync({
          at,
          actor: 'clock',
          entity: 'calendar',
          entityId: calendarId,
          action: `deadlines recomputed for version ${version}`,
          before: null,
          after: { version, ...counts },
        });
      return changed;
    })();
  }
  async getFine(id: string) {
    const row = this.stmt('SELECT * FROM fines WHERE id = ?').get(id) as Row | undefined;
    return row ? toFine(row) : null;
  }
  async reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string) {
    return this.db.transaction(() => {
      if (!this.insertFine(change.reversal)) return false;
      if (change.replacement && !this.insertFine(change.replacement)) throw new Error('the replacement fine exists already');
      this.auditSync({
        at,
        actor,
        entity: 'fine',
        entityId: change.reversal.corrects ?? '',
        action: change.replacement ? 'fine corrected' : 'fine waived',
        before: { amount: -change.reversal.amount },
        after: { amount: change.replacement?.amount ?? 0, reason: change.reversal.note, recordId: change.reversal.recordId },
      });
      return true;
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
    return (await this.pageNotifications({ ...(filter.roles ? { roles: filter.roles } : {}), limit: filter.limit })).items;
  }
  async listAudit(filter: { entity?: AuditEntry['entity']; entityId?: string; limit: number; beforeId?: number }) {
    const where = new Where();
    if (filter.entity) where.add('entity = ?', filter.entity);
    if (filter.entityId) where.add('entity_id = ?', filter.entityId);
    if (filter.beforeId !== undefined) where.add('id < ?', filter.beforeId);
    const rows = this.stmt(`SELECT * FROM audit ${where.clause()} ORDER BY id DESC LIMIT ?`).all(...where.params, filter.limit) as Row[];
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

  // Keyset pages

  async pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>> {
    const where = new Where();
    if (filter.state) where.add('state = ?', filter.state);
    if (filter.recordId) where.add('record_id = ?', filter.recordId);
    if (filter.approvers) {
      const also = filter.alsoIds ?? [];
      const ids = also.length > 0 ? ` OR id IN (${also.map(() => '?').join(', ')})` : '';
      where.add(`(approver IN (${filter.approvers.map(() => '?').join(', ') || 'NULL'})${ids})`, ...filter.approvers, ...also);
    }
    if (filter.visibleTo) where.add(visibleRecord('approvals', filter.visibleTo, where));
    return this.page(where, 'approvals', 'created_at DESC, id DESC', filter, toApproval, () =>
      filter.after
        ? where.with('(created_at < ? OR (created_at = ? AND id < ?))', filter.after[0], filter.after[0], filter.after[1])
        : where,
    );
  }
  async pageNotifications(filter: NotificationPageFilter): Promise<KeysetPage<Notification>> {
    const where = new Where();
    if (filter.roles) where.add(`role IN (${filter.roles.map(() => '?').join(', ') || 'NULL'})`, ...filter.roles);
    if (filter.person) where.add('(person IS NULL OR person = ? OR person = ?)', filter.person.username, filter.person.displayName);
    if (filter.visibleTo) where.add(`(record_id IS NULL OR ${visibleRecord('notifications', filter.visibleTo, where)})`);
    return this.page(where, 'notifications', 'at DESC, id DESC', filter, toNotification, () =>
      filter.after ? where.with('(at < ? OR (at = ? AND id < ?))', filter.after[0], filter.after[0], filter.after[1]) : where,
    );
  }
  async pageDeadlines(filter: DeadlinePageFilter): Promise<KeysetPage<DeadlineRow>> {
    const where = new Where();
    if (filter.state) where.add('state = ?', filter.state);
    if (filter.formId) where.add('form_id = ?', filter.formId);
    if (filter.visibleTo) where.add(visibleRecord('deadlines', filter.visibleTo, where));
    const after = filter.after;
    // SQLite sorts a missing due time first; the key after it continues among the same (record, key) order.
    return this.page(where, 'deadlines', 'due_at, record_id, key', filter, toDeadline, () =>
      !after
        ? where
        : after[0] === null
          ? where.with(
              '(due_at IS NOT NULL OR (due_at IS NULL AND (record_id > ? OR (record_id = ? AND key > ?))))',
              after[1],
              after[1],
              after[2],
            )
          : where.with(
              '(due_at > ? OR (due_at = ? AND (record_id > ? OR (record_id = ? AND key > ?))))',
              after[0],
              after[0],
              after[1],
              after[1],
              after[2],
            ),
    );
  }
  /** One page: the rows after the cursor (one more than the limit, to know whether more follow) and the filter's total. */
  private page<T>(where: Where, table: string, order: string, filter: { limit: number }, map: (row: Row) => T, withCursor: () => Where) {
    const total = Number((this.stmt(`SELECT COUNT(*) AS n FROM ${table} ${where.clause()}`).get(...where.params) as Row).n);
    const paged = withCursor();
    const rows = this.stmt(`SELECT * FROM ${table} ${paged.clause()} ORDER BY ${order} LIMIT ?`).all(
      ...paged.params,
      filter.limit + 1,
    ) as Row[];
    return { items: rows.slice(0, filter.limit).map(map), more: rows.length > filter.limit, total };
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
  async recordIdsWithFile(fileId: string) {
    return (this.stmt('SELECT record_id FROM file_refs WHERE file_id = ? ORDER BY record_id').all(fileId) as Row[]).map((r) =>
      String(r.record_id),
    );
  }
  async fileUsage(createdBy: string, since: string) {
    const row = this.stmt('SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM files WHERE created_by = ? AND created_at >= ?').get(
      createdBy,
      since,
    ) as Row;
    return { count: Number(row.n), bytes: Number(row.bytes) };
  }
  async deleteOrphanFiles(createdBefore: string) {
    return this.db.transaction(() => {
      const rows = this.stmt(
        'SELECT id, name, content_type, size, sha256, created_by, created_at FROM files WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM file_refs WHERE file_id = files.id)',
      ).all(createdBefore) as Row[];
      for (const row of rows) this.stmt('DELETE FROM files WHERE id = ?').run(row.id);
      return rows.map((row) => ({
        id: String(row.id),
        name: String(row.name),
        contentType: String(row.content_type),
        size: Number(row.size),
        sha256: String(row.sha256),
        createdBy: String(row.created_by),
        createdAt: String(row.created_at),
      }));
    })();
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
  /** True when the fine was added (false: its unique key was posted before). */
  private insertFine(f: FineEntry): boolean {
    return (
      this.stmt(
        `INSERT OR IGNORE INTO fines (id, unique_key, record_id, form_id, payer_role, person, amount, reason, origin, posted_at,
           corrects, corrected_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
        f.corrects ?? null,
        f.correctedBy ?? null,
        f.note ?? null,
      ).changes > 0
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

/** A WHERE clause built from parts, with its parameters in order. */
class Where {
  constructor(
    readonly parts: string[] = [],
    readonly params: unknown[] = [],
  ) {}
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  /** A copy with one more part (the cursor's), leaving this one as it is. */
  with(sql: string, ...params: unknown[]): Where {
    return new Where([...this.parts, sql], [...this.params, ...params]);
  }
  clause(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** The row's record is one the user may see (a primary-key lookup per row, so an ordered walk stays ordered). */
function visibleRecord(table: string, visibleTo: Visibility, where: Where): string {
  const { username, stores } = visibleTo;
  where.params.push(username, username, ...stores);
  return `EXISTS (SELECT 1 FROM records r WHERE r.id = ${table}.record_id AND (r.created_by = ? OR r.assignee = ?${
    stores.length > 0 ? ` OR r.store IN (${stores.map(() => '?').join(', ')})` : ''
  }))`;
}

function toNotification(r: Row): Notification {
  return {
    id: String(r.id),
    uniqueKey: String(r.unique_key),
    at: String(r.at),
    role: String(r.role),
    person: str(r.person),
    recordId: str(r.record_id),
    message: parse<Notification['message']>(r.message),
  };
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
    ...(typeof row.deactivated_at === 'string' ? { deactivatedAt: row.deactivated_at } : {}),
  };
}

function toLoginFailures(row: Row): LoginFailures {
  return { key: String(row.key), failures: Number(row.failures), lastFailureAt: String(row.last_failure_at) };
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
    evaluation: decodeEvaluation(row.evaluation),
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
    ...(row.calendar_version === null || row.calendar_version === undefined ? {} : { calendarVersion: Number(row.calendar_version) }),
  };
}

function toCalendarJob(row: Row): CalendarJob {
  return {
    calendarId: String(row.calendar_id),
    version: Number(row.version),
    state: String(row.state) as CalendarJob['state'],
    holder: String(row.holder),
    leaseUntil: String(row.lease_until),
    startedAt: String(row.started_at),
    finishedAt: str(row.finished_at),
    counts: row.counts ? parse(row.counts) : null,
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
    ...(row.corrects ? { corrects: str(row.corrects), correctedBy: str(row.corrected_by), note: str(row.note) } : {}),
  };
}
