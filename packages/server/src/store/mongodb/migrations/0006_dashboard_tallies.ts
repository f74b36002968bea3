import type { Document } from 'mongodb';
import type { DeadlineRow, FineEntry, StoredRecord } from '../../types.js';
import { DEFAULT_VIEWS } from '../../sqlite/queries/tallies.js';
import { Deltas, fineContribution, recordContribution, TALLY_COLLECTIONS, type DashboardView } from '../tallies.js';
import type { MongoDatabase } from '../MongoDatabase.js';
import type { MongoMigration } from './MongoMigration.js';

const BATCH = 1_000;

/** Writes operations in slices (a bulk write has a size limit). */
async function write(database: MongoDatabase, collection: string, operations: ReturnType<Deltas['settings']>): Promise<void> {
  for (let i = 0; i < operations.length; i += BATCH)
    await database.col(collection).bulkWrite(operations.slice(i, i + BATCH), { ordered: false });
}

/**
 * Dashboard and ledger tallies (tallies.ts): the default pack's views, the tally collections' unique
 * keys, and every tally computed from the records, decided deadlines and fines there are. Safe to run
 * again (or on two instances at once): the tallies are computed whole in memory (a tally row per day,
 * value and scope, far fewer than the records) and written with `$set`.
 */
export const dashboardTallies: MongoMigration = {
  version: 6,
  name: 'dashboard and ledger tallies',
  async up(database) {
    const col = (name: string) => database.col(name);
    const scope = { store: 1, createdBy: 1, assignee: 1 };
    await Promise.all([
      col(TALLY_COLLECTIONS.views).createIndex({ kind: 1, formId: 1, field: 1, by: 1 }, { unique: true }),
      col(TALLY_COLLECTIONS.compliance).createIndex({ viewId: 1, day: 1, state: 1, grp: 1, ...scope }, { unique: true }),
      col(TALLY_COLLECTIONS.counts).createIndex({ viewId: 1, day: 1, value: 1, split: 1, ...scope }, { unique: true }),
      col(TALLY_COLLECTIONS.fines).createIndex({ month: 1, formId: 1, person: 1, payerRole: 1, ...scope }, { unique: true }),
      col(TALLY_COLLECTIONS.fines).createIndex({ person: 1, month: 1 }),
    ]);
    await col(TALLY_COLLECTIONS.views).bulkWrite(
      DEFAULT_VIEWS.map((v, i) => ({
        updateOne: {
          filter: { kind: v.kind, formId: v.formId, field: v.field, by: v.by },
          update: { $setOnInsert: { id: i + 1 } },
          upsert: true,
        },
      })),
      { ordered: true },
    );
    const views = (await col(TALLY_COLLECTIONS.views)
      .find({}, { projection: { _id: 0 } })
      .toArray()) as unknown as DashboardView[];

    const into = { compliance: new Deltas(), counts: new Deltas() };
    let batch: StoredRecord[] = [];
    const flush = async () => {
      const decided = (await col('deadlines')
        .find({ recordId: { $in: batch.map((r) => r.id) }, state: { $in: ['met', 'breached'] } }, { projection: { _id: 0 } })
        .toArray()) as unknown as DeadlineRow[];
      for (const record of batch)
        recordContribution(
          views,
          record,
          decided.filter((d) => d.recordId === record.id),
          1,
          into,
        );
      batch = [];
    };
    const projection: Document = { _id: 0, id: 1, formId: 1, data: 1, store: 1, createdBy: 1, assignee: 1, createdAt: 1 };
    for await (const record of col('records').find({}, { projection })) {
      batch.push(record as unknown as StoredRecord);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();

    const fines = new Deltas();
    const scopes = new Map<string, StoredRecord | null>();
    let pending: FineEntry[] = [];
    const flushFines = async () => {
      const ids = [...new Set(pending.map((f) => f.recordId))].filter((id) => !scopes.has(id));
      const found = (await col('records')
        .find({ id: { $in: ids } }, { projection: { _id: 0, id: 1, store: 1, createdBy: 1, assignee: 1 } })
        .toArray()) as unknown as StoredRecord[];
      for (const r of found) scopes.set(r.id, r);
      for (const f of pending) fineContribution(f, scopes.get(f.recordId) ?? null, 1, fines);
      pending = [];
      if (scopes.size > 100_000) scopes.clear();
    };
    for await (const fine of col('fines').find({}, { projection: { _id: 0 } })) {
      pending.push(fine as unknown as FineEntry);
      if (pending.length === BATCH) await flushFines();
    }
    if (pending.length > 0) await flushFines();

    for (const name of [TALLY_COLLECTIONS.compliance, TALLY_COLLECTIONS.counts, TALLY_COLLECTIONS.fines]) await col(name).deleteMany({});
    await write(database, TALLY_COLLECTIONS.compliance, into.compliance.settings());
    await write(database, TALLY_COLLECTIONS.counts, into.counts.settings());
    await write(database, TALLY_COLLECTIONS.fines, fines.settings());
  },
};
