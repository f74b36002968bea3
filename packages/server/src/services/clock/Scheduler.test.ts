import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../store/sqlite/SqliteStore.js';
import { Scheduler } from './Scheduler.js';
import { sampleRecord } from '../../testing/storeContract.js';
import { dueDeadline } from '../../testing/dueDeadline.js';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Scheduler', () => {
  // Off the thread: each tick's first batch comes back full, so the rest runs on a worker thread of its
  // own (three workers and two connections of this thread on one file). In this thread: the same batches here.
  it.each([
    { where: 'on worker threads', offThread: true },
    { where: 'in this thread', offThread: false },
  ])(
    'when two server instances on one store tick at the same time $where, then each breach posts its fines exactly once',
    async ({ offThread }) => {
      const dataDir = mkdtempSync(join(dir, 'store-'));
      const first = new SqliteStore(dataDir);
      const second = new SqliteStore(dataDir);
      const records = 300;
      const writes: Promise<void>[] = [];
      for (let i = 0; i < records; i++) {
        const id = `r${i}`;
        writes.push(
          first.writeRecord({
            record: sampleRecord(id, { formId: 'after-sales-record' }),
            previous: null,
            actor: 't',
            action: 'create',
            approvals: [],
            deadlines: [dueDeadline(id)],
            fines: [],
            notifications: [],
          }),
        );
      }
      await Promise.all(writes);
      const now = new Date('2025-10-09T10:00:00.000Z');
      const clock = () => now;
      // Small batches, so that the instances' batches interleave and overlap.
      const results = await Promise.all([
        new Scheduler(first, clock, { batchSize: 7, offThread }).tick(),
        new Scheduler(second, clock, { batchSize: 11, offThread }).tick(),
        new Scheduler(first, clock, { batchSize: 13, offThread }).tick(),
      ]);
      expect(results.reduce((sum, r) => sum + r.breached, 0)).toBe(records);
      expect(results.filter((r) => r.breached > 0).length).toBeGreaterThan(1);
      // A restart: a new instance ticking again posts nothing more.
      const third = new SqliteStore(dataDir);
      expect((await new Scheduler(third, clock, { offThread }).tick()).breached).toBe(0);
      const fines = await third.listFines({});
      expect(fines).toHaveLength(2 * records);
      expect(fines.reduce((sum, f) => sum + f.amount, 0)).toBe(15 * records);
      expect(new Set(fines.map((f) => f.uniqueKey)).size).toBe(2 * records);
      await Promise.all([first.close(), second.close(), third.close()]);
    },
  );
});

describe('published definitions across instances', () => {
  it('when one instance publishes, then another instance on the same store evaluates with the new version at once', async () => {
    const { startTestServer } = await import('../../testing/startTestServer.js');
    const first = await startTestServer();
    const second = await startTestServer({ dataDir: first.dataDir, importPack: false });
    expect((await second.services.definitions.currentPins('vehicle-use')).formVersion).toBe(1);
    const form = (await first.services.store.getDocument('form', 'vehicle-use'))!.published!.definition as { title: { en: string } };
    await first.services.definitions.pushFiles(
      [{ path: 'f.json', text: JSON.stringify({ ...form, title: { ...form.title, en: 'Vehicle log' } }) }],
      'admin',
      { dryRun: false },
    );
    expect((await second.services.definitions.currentPins('vehicle-use')).formVersion).toBe(2);
    await second.close();
    await first.close();
  });
});
