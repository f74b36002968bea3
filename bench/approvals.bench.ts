// Approval escalation and inboxes at 100,000 pending approvals (issue 13): the escalation tick once
// every old approval is dealt with (the steady state of a server), a store-scoped inbox page and the
// general manager's inbox page. `SERVER_SRC=<dir> ...` runs it against another copy of the server's
// source (the release before, for the "before" column); without it, this tree. Figures only: no asserts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, writeSection } from './lib/writeSection.js';
import { openSqlite } from './lib/sqlite.js';

const N = Number(process.env.APPROVALS ?? 100_000);
const STORES = 20;
/** Stores where the deputy GM works (the others have nobody to decide their approvals). */
const HELD = 18;
const src = resolve(process.env.SERVER_SRC ?? fileURLToPath(new URL('../packages/server/src', import.meta.url)));
const label = process.env.SERVER_SRC ? 'before' : 'after';

type AnyStore = { close(): Promise<void>; createUser(u: unknown): Promise<void> } & Record<string, unknown>;
const { SqliteStore } = (await import(join(src, 'store/sqlite/SqliteStore.ts'))) as { SqliteStore: new (dir: string) => AnyStore };
const { ApprovalEscalation } = (await import(join(src, 'services/ApprovalEscalation.ts'))) as {
  ApprovalEscalation: new (...a: unknown[]) => { tick(): Promise<{ flagged: number; escalated: number }> };
};
const { ApprovalService } = (await import(join(src, 'services/ApprovalService.ts'))) as {
  ApprovalService: new (...a: unknown[]) => { inboxPage(p: unknown, s: string, page: { limit: number }): Promise<{ items: unknown[] }> };
};

const dir = mkdtempSync(join(tmpdir(), 'aftersales-approvals-bench-'));
const now = new Date('2025-10-20T12:00:00.000Z');
const user = (username: string, roles: string[], policyRoles: string[], stores: string[]) => ({
  id: username,
  username,
  displayName: username,
  passwordHash: 'x',
  roles,
  policyRoles,
  stores,
  createdAt: '2025-01-01T00:00:00.000Z',
});
try {
  let store = new SqliteStore(dir);
  // The deputy GM works for most stores: approvals of the other half wait on a role nobody holds there.
  const deputy = user(
    'deputy',
    ['manager'],
    ['deputyGeneralManager'],
    Array.from({ length: HELD }, (_, i) => `s${i}`),
  );
  const gm = user('gm', ['manager'], ['generalManager'], []);
  // A deputy GM of one store: the store-scoped inbox.
  const clerk = user('clerk', ['manager'], ['deputyGeneralManager'], ['s3']);
  for (const u of [deputy, gm, clerk]) await store.createUser(u);
  await store.close();

  // N records with one pending approval each, created over the last ten days, spread over the stores.
  const db = openSqlite(join(dir, 'aftersales.sqlite'));
  const evaluation = JSON.stringify({ outcome: { approvals: [], deadlines: [], fines: [], notifications: [] }, fired: [] });
  const insertRecord = db.prepare(
    `INSERT INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by, created_at, updated_at, rev)
     VALUES (?, 'complaint-log', 1, '{}', 'received', '{}', ?, ?, NULL, ?, ?, ?, 1)`,
  );
  const insertApproval = db.prepare(
    `INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, created_at)
     VALUES (?, ?, 'complaint-log', 'deputyGeneralManager', 'received', ?, 'C1', 'pending', ?)`,
  );
  const reason = JSON.stringify({ 'zh-CN': '严重投诉须副总经理审批', en: 'needs the deputy GM' });
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const at = new Date(now.getTime() - Math.floor(((i + 0.5) / N) * 10 * 86_400_000)).toISOString();
      const id = `r${String(i).padStart(7, '0')}`;
      insertRecord.run(id, evaluation, `s${i % STORES}`, i % 50 === 0 ? 'clerk' : 'other', at, at);
      insertApproval.run(`a${id}`, id, reason, at);
    }
  })();
  // A running server: the managers were told about every approval nobody can decide, and the old ones escalated.
  const notice = db.prepare(
    `INSERT INTO notifications (id, unique_key, at, role, person, record_id, message) VALUES (?, ?, ?, ?, NULL, ?, '{"zh-CN":"","en":""}')`,
  );
  const unheld = db
    .prepare(
      `SELECT a.id, a.record_id, a.created_at FROM approvals a JOIN records r ON r.id = a.record_id
       WHERE r.store NOT IN (${deputy.stores.map(() => '?').join(', ')})`,
    )
    .all(...deputy.stores) as { id: string; record_id: string; created_at: string }[];
  const threshold = new Date(now.getTime() - 86_400_000).toISOString();
  db.transaction(() => {
    for (const a of unheld) {
      notice.run(`nu${a.id}`, `approval-unheld|${a.id}`, a.created_at, 'afterSalesManager', a.record_id);
      if (a.created_at <= threshold) notice.run(`ne${a.id}`, `approval-escalated|${a.id}`, threshold, 'generalManager', a.record_id);
    }
  })();
  // This release's columns, filled as its migration fills them on an existing database.
  const columns = (db.prepare('PRAGMA table_info(approvals)').all() as { name: string }[]).map((c) => c.name);
  if (columns.includes('store')) {
    db.prepare('UPDATE approvals SET store = (SELECT store FROM records r WHERE r.id = approvals.record_id)').run();
    db.prepare(
      `UPDATE approvals SET escalated_at = (SELECT n.at FROM notifications n WHERE n.unique_key = 'approval-escalated|' || approvals.id)`,
    ).run();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  store = new SqliteStore(dir);
  const definitions = { publishedPack: async () => ({}) };
  const escalation = new ApprovalEscalation(store, definitions, () => now, {
    flagRole: 'afterSalesManager',
    escalateTo: 'generalManager',
    afterMs: 86_400_000,
  });
  const service = new ApprovalService(store, () => now, escalation);
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const start = performance.now();
    const result = await work();
    return [performance.now() - start, result];
  };
  const [firstMs, first] = await time(() => escalation.tick());
  const ticks: number[] = [];
  for (let i = 0; i < 3; i++) ticks.push((await time(() => escalation.tick()))[0]);
  const pageTimes = async (principal: unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await time(() => service.inboxPage(principal, 'pending', { limit: 50 })))[0]);
    return Math.min(...times);
  };
  const scoped = await pageTimes({ kind: 'user', user: clerk, sessionHash: null });
  const gmInbox = await pageTimes({ kind: 'user', user: gm, sessionHash: null });
  await store.close();

  const lines = [
    `${label}: ${N} pending approvals, ${N - (N * HELD) / STORES} nobody can decide, first tick ${firstMs.toFixed(0)} ms (${first.flagged} flagged, ${first.escalated} escalated),`,
    `steady tick ${Math.min(...ticks).toFixed(0)} ms, store-scoped inbox page ${scoped.toFixed(1)} ms, GM inbox page ${gmInbox.toFixed(1)} ms`,
  ];
  console.log(lines.join(' '));
  if (!process.env.SERVER_SRC && process.env.WRITE_SECTION)
    writeSection('Approval escalation and inboxes', `${machineLine()}\n\n${process.env.WRITE_SECTION}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
