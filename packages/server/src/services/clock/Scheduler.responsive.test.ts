import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../testing/startTestServer.js';
import { DUE_DEADLINE } from '../../testing/dueDeadline.js';

const DUE = 100_000;

/** The deadline document every inserted row carries: two fines for the breach and an owner to notify. */
const deadlineJson = JSON.stringify(DUE_DEADLINE);

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

/** A vehicle use the clock's instant allows (its departure is before it). */
const vehicleUse = { user: '王', driver: '李', departureTime: '2025-10-09T08:00:00+08:00', purpose: '送件', repairCost: 50 };

function countRows(dataDir: string, sql: string): number {
  const db = new Database(join(dataDir, 'aftersales.sqlite'), { readonly: true });
  const n = Number((db.prepare(sql).get() as { n: number }).n);
  db.close();
  return n;
}

describe('Scheduler with a large backlog', () => {
  it('when a tick breaches 100,000 deadlines, then requests are answered and records written while it runs, and each breach is posted once', async () => {
    const now = new Date('2025-10-10T00:00:00.000Z');
    const server = await startTestServer({ clock: () => now });
    try {
      insertDueDeadlines(server.dataDir, DUE);
      const admin = await server.signIn('admin', server.adminPassword);

      let done = false;
      const tick = server.services.scheduler.tick().finally(() => (done = true));
      let answered = 0;
      let written = 0;
      while (!done) {
        const me = await admin('GET', '/auth/me');
        expect(me.status).toBe(200);
        if (!done) answered++;
        // A record write now and then: it waits at most for one of the clock's batches to release the write lock.
        if (answered % 10 === 0 && !done) {
          const created = await admin('POST', '/records', { form: 'vehicle-use', store: 'S', data: vehicleUse });
          expect(created.status).toBe(201);
          written++;
        }
      }
      const result = await tick;

      expect(result.breached).toBe(DUE);
      // The server kept answering and writing during the tick (before bounded batches it answered none).
      expect(answered).toBeGreaterThanOrEqual(20);
      expect(written).toBeGreaterThanOrEqual(2);
      expect(countRows(server.dataDir, "SELECT COUNT(*) AS n FROM records WHERE form_id = 'vehicle-use'")).toBe(written);
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
