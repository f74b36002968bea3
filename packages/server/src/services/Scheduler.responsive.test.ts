import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/startTestServer.js';

const DUE = 100_000;

/** The deadline document every inserted row carries: two fines for the breach and an owner to notify. */
const deadlineJson = JSON.stringify({
  source: { ruleSet: 'rs', version: 1, rule: 'T1', catalog: ['T1'] },
  key: 'arrival',
  what: { 'zh-CN': '到场', en: 'Arrive' },
  limit: { unit: 'workingHours', amount: 6 },
  calendar: 'default-store',
  startedAt: '2025-10-09T02:00:00.000Z',
  dueAt: '2025-10-09T09:00:00.000Z',
  metAt: null,
  state: 'open',
  overdueMs: 0,
  remindAt: null,
  owner: { role: 'technician', person: '赵' },
  breachFines: [
    { payer: { role: 'technician', person: '赵' }, amount: 10, currency: 'CNY', reason: { 'zh-CN': '迟到', en: 'Late' } },
    { payer: { role: 'customerServiceClerk' }, amount: 5, currency: 'CNY', reason: { 'zh-CN': '未催', en: 'Did not chase' } },
  ],
});

/** Puts `count` open deadlines, all due before 2025-10-10, straight into the store's file (one transaction). */
function insertDueDeadlines(dataDir: string, count: number): void {
  const db = new Database(join(dataDir, 'aftersales.sqlite'));
  const insert = db.prepare(
    "INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, 'after-sales-record', 'arrival', ?, 'open', NULL, 0, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const minute = String(i % 60).padStart(2, '0');
      insert.run(`due-${i}`, `2025-10-09T08:${minute}:00.000Z`, deadlineJson);
    }
  })();
  db.close();
}

function countRows(dataDir: string, sql: string): number {
  const db = new Database(join(dataDir, 'aftersales.sqlite'), { readonly: true });
  const n = Number((db.prepare(sql).get() as { n: number }).n);
  db.close();
  return n;
}

describe('Scheduler with a large backlog', () => {
  it('when a tick breaches 100,000 deadlines, then requests are answered while it runs and each breach is posted once', async () => {
    const now = new Date('2025-10-10T00:00:00.000Z');
    const server = await startTestServer({ clock: () => now });
    try {
      insertDueDeadlines(server.dataDir, DUE);
      const admin = await server.signIn('admin', server.adminPassword);

      let done = false;
      const tick = server.services.scheduler.tick().finally(() => (done = true));
      let answered = 0;
      while (!done) {
        const me = await admin('GET', '/auth/me');
        expect(me.status).toBe(200);
        if (!done) answered++;
      }
      const result = await tick;

      expect(result.breached).toBe(DUE);
      // The server kept answering during the tick (before bounded batches it answered none).
      expect(answered).toBeGreaterThanOrEqual(20);
      expect(countRows(server.dataDir, "SELECT COUNT(*) AS n FROM deadlines WHERE state = 'breached'")).toBe(DUE);
      expect(countRows(server.dataDir, "SELECT COUNT(*) AS n FROM fines WHERE origin = 'breach'")).toBe(2 * DUE);
      expect(countRows(server.dataDir, 'SELECT COUNT(*) AS n FROM notifications')).toBe(DUE);
      // A second tick finds nothing left to breach.
      expect((await server.services.scheduler.tick()).breached).toBe(0);
      expect(countRows(server.dataDir, "SELECT COUNT(*) AS n FROM fines WHERE origin = 'breach'")).toBe(2 * DUE);
    } finally {
      await server.close();
    }
  }, 600_000);
});
