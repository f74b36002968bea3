import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../store/sqlite/SqliteStore.js';
import { sampleRecord } from '../../testing/storeContract.js';
import { dueDeadline } from '../../testing/dueDeadline.js';
import { Scheduler } from './Scheduler.js';
import { tickOnWorker } from './tickOnWorker.js';

const dir = mkdtempSync(join(tmpdir(), 'aftersales-clock-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = '2025-10-09T10:00:00.000Z';

/** A store in a new directory with `count` records, each with one deadline due before AT. */
async function storeWithDue(count: number): Promise<SqliteStore> {
  const store = new SqliteStore(mkdtempSync(join(dir, 'store-')));
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store.writeRecord({
        record: sampleRecord(`r${i}`, { formId: 'after-sales-record' }),
        previous: null,
        actor: 't',
        action: 'create',
        approvals: [],
        deadlines: [dueDeadline(`r${i}`)],
        fines: [],
        notifications: [],
      }),
    ),
  );
  return store;
}

describe('the clock on a worker thread', () => {
  it('when a worker ticks a store, then it breaches every due deadline on its own connection and answers the counts', async () => {
    const store = await storeWithDue(120);
    const source = store.clockWorkerSource();
    expect(source).toEqual({ adapter: 'sqlite', dataDir: store.database.dataDir });
    const answer = await tickOnWorker({ source: source!, at: AT, most: 50 });
    expect(answer).toEqual({ counts: { breached: 120, reminded: 0 } });
    // This thread's connection sees what the worker committed.
    expect(await store.dueDeadlines(AT)).toHaveLength(0);
    expect(await store.listFines({})).toHaveLength(240);
    await store.close();
  });

  it('when the worker cannot open the store, then it answers the error with nothing counted', async () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'not a store');
    const answer = await tickOnWorker({ source: { adapter: 'sqlite', dataDir: notADirectory }, at: AT, most: 50 });
    expect(answer.counts).toEqual({ breached: 0, reminded: 0 });
    expect(answer.error).toEqual(expect.any(String));
  });

  it('when a backlog tick cannot start its worker, then the tick goes on in this thread and breaches everything once', async () => {
    const store = await storeWithDue(120);
    // The store as it is, except that it names a place no worker can open.
    const broken = new Proxy(store, {
      get: (target, name, receiver) =>
        name === 'clockWorkerSource' ? () => ({ adapter: 'sqlite', dataDir: join(dir, 'a-file') }) : Reflect.get(target, name, receiver),
    });
    const result = await new Scheduler(broken, () => new Date(AT), { batchSize: 50 }).tick();
    expect(result).toEqual({ breached: 120, reminded: 0 });
    expect(await store.listFines({})).toHaveLength(240);
    await store.close();
  });
});
