import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/startTestServer.js';
import type { DocumentKind } from '../types.js';
import { SqliteStore } from './SqliteStore.js';
import { appliedMigrations } from './migrations/migrateSqlite.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';

// A database made by the release before versioned migrations (095b7d3), with data in every table:
// see test/fixtures/previous-release/make.ts. Each test opens a copy of it with the current code.
const FIXTURE = fileURLToPath(new URL('../../../../../test/fixtures/previous-release/aftersales.sqlite', import.meta.url));

type Rows = Record<string, unknown[]>;
const dirs: string[] = [];
let before: Rows;

/** A copy of the fixture in a fresh data directory. */
function copyOfPreviousRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-upgrade-'));
  dirs.push(dir);
  copyFileSync(FIXTURE, join(dir, 'aftersales.sqlite'));
  return dir;
}

/** Every row of every table but the migrations' own, in a stable order. */
/** Every row of every table (or of the tables named: later migrations add tables, e.g. FTS5 shadow tables without rowid). */
function allRows(file: string, only?: string[]): Rows {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((name) => name !== 'schema_migrations' && (!only || only.includes(name)));
    return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

beforeAll(() => {
  // Read from a copy: opening the committed file (a WAL database) would leave -wal and -shm files beside it.
  before = allRows(join(copyOfPreviousRelease(), 'aftersales.sqlite'));
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('SqliteStore on a database made by the previous release', () => {
  it('when the fixture is read, then it has data in every table (the test would prove nothing otherwise)', () => {
    const empty = Object.entries(before)
      .filter(([, rows]) => rows.length === 0)
      .map(([name]) => name);
    expect(empty).toEqual(['calendar_jobs']);
    expect(Object.keys(before)).not.toContain('schema_migrations');
  });

  it('when it is opened, then every migration is recorded once and every row of every table is still there, unchanged', async () => {
    const dir = copyOfPreviousRelease();
    const store = new SqliteStore(dir);
    expect(appliedMigrations(store.database.db).map((m) => [m.version, m.name])).toEqual(SQLITE_MIGRATIONS.map((m) => [m.version, m.name]));
    await store.close();
    const after = allRows(join(dir, 'aftersales.sqlite'), Object.keys(before));
    // Every column the previous release had keeps its value (columns added since are checked below).
    const columnsOf = (rows: unknown[], like: unknown[]) =>
      rows.map((row, i) => Object.fromEntries(Object.keys(like[i] ?? {}).map((k) => [k, (row as Record<string, unknown>)[k]])));
    for (const [table, rows] of Object.entries(before)) expect(columnsOf(after[table] ?? [], rows), table).toEqual(rows);
    // Migration 3: each approval carries its record's store; none escalated (the fixture posted no escalation notice).
    const records = new Map((before.records as { id: string; store: string | null }[]).map((r) => [r.id, r.store]));
    expect(before.approvals!.length).toBeGreaterThan(0);
    for (const row of after.approvals as { record_id: string; store: string | null; escalated_at: string | null }[])
      expect([row.store, row.escalated_at]).toEqual([records.get(row.record_id) ?? null, null]);
  });

  it('when it is opened, then every row reads through the repositories', async () => {
    const store = new SqliteStore(copyOfPreviousRelease());
    try {
      const users = await store.users.listUsers();
      expect(users.map((u) => u.username).sort()).toEqual(['admin', 'boss', 'clerk', 'deputy', 'gone', 'tech']);
      expect(users.find((u) => u.username === 'gone')?.deactivatedAt).toEqual(expect.any(String));
      expect(users.find((u) => u.username === 'clerk')).toMatchObject({
        roles: ['staff'],
        policyRoles: ['customerServiceClerk'],
        stores: ['jiefang'],
      });
      for (const row of before.sessions as { token_hash: string; user_id: string }[])
        expect(await store.sessions.sessionByHash(row.token_hash)).toMatchObject({ userId: row.user_id });
      expect(await store.failedLogins.loginFailures((before.login_failures as { key: string }[]).map((r) => r.key))).toHaveLength(
        before.login_failures!.length,
      );
      const keys = await store.apiKeys.listApiKeys();
      expect(keys).toMatchObject([{ name: '集成 CI', scopes: ['records:read', 'definitions:read'], revoked: false }]);

      const documents = before.documents as { kind: DocumentKind; id: string }[];
      for (const kind of new Set(documents.map((d) => d.kind)))
        expect(await store.definitions.listDocuments(kind)).toHaveLength(documents.filter((d) => d.kind === kind).length);
      for (const v of before.versions as { kind: DocumentKind; id: string; version: number; hash: string }[])
        expect(await store.definitions.getVersion(v.kind, v.id, v.version)).toMatchObject({ hash: v.hash, definition: expect.any(Object) });
      expect(await store.definitions.definitionsGeneration()).toBe((before.generation as { value: number }[])[0]!.value);

      const records = await store.records.listRecords({ limit: 100, offset: 0 });
      expect(records.total).toBe(before.records!.length);
      expect(new Set(records.items.map((r) => r.formId))).toEqual(new Set(['after-sales-record', 'complaint-log', 'vehicle-use']));
      for (const record of records.items) {
        expect(await store.records.getRecord(record.id)).toEqual(record);
        expect(record.evaluation.outcome).toBeDefined();
      }
      const approvals = await store.approvals.listApprovals({});
      expect(approvals).toHaveLength(before.approvals!.length);
      expect(approvals.map((a) => a.state).sort()).toEqual((before.approvals as { state: string }[]).map((a) => a.state).sort());
      expect(await store.deadlines.listDeadlines({})).toHaveLength(before.deadlines!.length);
      expect((await store.deadlines.listDeadlines({ state: 'breached' })).length).toBeGreaterThan(0);
      const fines = await store.fines.listFines({});
      expect(fines.map((f) => f.origin).sort()).toEqual(['breach', 'correction', 'reversal']);
      expect(fines.find((f) => f.origin === 'reversal')).toMatchObject({ note: '营业款已交回', correctedBy: 'boss' });
      expect((await store.notifications.pageNotifications({ limit: 100 })).total).toBe(before.notifications!.length);
      expect(await store.audit.listAudit({ limit: 1000 })).toHaveLength(before.audit!.length);
      // A record's history holds its own entries and its approvals' decisions made before (migration 11).
      const decided = (before.approvals as { id: string; record_id: string; state: string }[]).filter((a) => a.state !== 'pending');
      expect(decided.length).toBeGreaterThan(0);
      for (const a of decided) {
        const history = (await store.audit.pageAudit({ recordId: a.record_id, limit: 100 })).items;
        expect(history.filter((e) => e.entity === 'approval').map((e) => [e.entityId, e.action])).toEqual([[a.id, a.state]]);
        expect(history.filter((e) => e.entity === 'record').length).toBe(
          (before.audit as { entity: string; entity_id: string }[]).filter((e) => e.entity === 'record' && e.entity_id === a.record_id)
            .length,
        );
      }
      // A fine's waiver or correction made before is in its record's history (migration 12), left out on request.
      const fineEntries = (before.audit as { id: number; entity: string; entity_id: string; after: string }[])
        .filter((e) => e.entity === 'fine')
        .map((e) => ({ id: e.id, entityId: e.entity_id, recordId: (JSON.parse(e.after) as { recordId: string }).recordId }));
      expect(fineEntries.length).toBeGreaterThan(0);
      for (const recordId of new Set(fineEntries.map((e) => e.recordId))) {
        const history = await store.audit.pageAudit({ recordId, limit: 100 });
        expect(
          history.items.filter((e) => e.entity === 'fine').map((e) => ({ id: e.id, entityId: e.entityId, recordId: e.recordId })),
        ).toEqual(fineEntries.filter((e) => e.recordId === recordId).reverse());
        const withoutFines = await store.audit.pageAudit({ recordId, limit: 100, exceptEntities: ['fine'] });
        expect(withoutFines.items.map((e) => e.id)).toEqual(history.items.filter((e) => e.entity !== 'fine').map((e) => e.id));
        expect(withoutFines.total).toBe(history.total - fineEntries.filter((e) => e.recordId === recordId).length);
      }

      const [file] = before.files as { id: string; data: Buffer }[];
      expect((await store.files.getFile(file!.id))?.data.equals(file!.data)).toBe(true);
      expect(await store.files.recordIdsWithFile(file!.id)).toEqual([(before.file_refs as { record_id: string }[])[0]!.record_id]);
    } finally {
      await store.close();
    }
  });

  it('when the upgraded database is used by the server, then people sign in, edit, create and the clock runs', async () => {
    const dataDir = copyOfPreviousRelease();
    let now = new Date('2025-10-14T10:00:00+08:00');
    // The fixture was made by the test server: its admin password is the test server's.
    const server = await startTestServer({ dataDir, clock: () => now });
    try {
      const clerk = await server.signIn('clerk', 'clerk-password-123');
      const list = await clerk('GET', '/records?form=after-sales-record');
      expect(list.status).toBe(200);
      const open = list.body.items.find((r: { data: { ticketNo: string } }) => r.data.ticketNo === 'FIX-2');
      const edited = await clerk('PUT', `/records/${open.id}`, {
        data: { ...open.data, problemDescription: '漏水，已换阀芯' },
        rev: open.rev,
      });
      expect(edited.status).toBe(200);
      const created = await clerk('POST', '/records', {
        form: 'complaint-log',
        data: {
          customer: '王先生',
          category: 'quality',
          severity: 'general',
          description: '门板色差',
          receivedAt: '2025-10-14T09:00:00+08:00',
        },
        store: 'jiefang',
      });
      expect(created.status).toBe(201);
      now = new Date('2025-10-20T10:00:00+08:00');
      const admin = await server.signIn('admin', server.adminPassword);
      expect((await admin('POST', '/clock/tick')).status).toBe(200);
      expect((await server.services.store.records.listRecords({ limit: 100, offset: 0 })).total).toBe(before.records!.length + 1);
    } finally {
      await server.close();
    }
  });
});
