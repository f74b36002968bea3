import type { ClientSession } from 'mongodb';
import { fineReversed } from '../../auditEntries.js';
import type { FinesRepository } from '../../ports/FinesRepository.js';
import type { FineEntry } from '../../types.js';
import { plain, type MongoDatabase } from '../MongoDatabase.js';
import type { MongoAuditRepository } from './AuditRepository.js';
import { upsertsByUniqueKey } from './NotificationsRepository.js';
import type { FineFilter, FinePageFilter } from '../../paging.js';
import * as fines from '../queries/fines.js';
import type { MongoTallies } from '../tallies.js';

export class MongoFinesRepository implements FinesRepository {
  constructor(
    private readonly database: MongoDatabase,
    private readonly audit: MongoAuditRepository,
    /** The ledger's month tallies, kept with every fine posted. */
    private readonly tallies: MongoTallies,
  ) {}

  async getFine(id: string) {
    return plain<FineEntry>(await this.database.col('fines').findOne({ id }));
  }
  async reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string) {
    return this.database.transaction(async (session) => {
      if (!(await this.upsert(change.reversal, session))) return false;
      if (change.replacement) {
        await this.database.col('fines').insertOne({ ...change.replacement }, { session });
        await this.tallies.finesPosted([change.replacement], session);
      }
      await this.audit.append(fineReversed(change, actor, at), session);
      return true;
    });
  }
  async listFines(filter: FineFilter) {
    return (await fines.listFines(this.database.db, filter)).map((f) => plain<FineEntry>(f)!);
  }
  async pageFines(filter: FinePageFilter) {
    const page = await fines.pageFines(this.database.db, filter, this.tallies);
    return { ...page, items: page.items.map((f) => plain<FineEntry>(f)!) };
  }
  async fineTotals(filter: FineFilter) {
    return fines.fineTotals(this.database.db, filter, this.tallies);
  }

  /** Posts a fine once per unique key, in the caller's transaction; true when this call posted it. */
  async upsert(fine: FineEntry, session: ClientSession): Promise<boolean> {
    const result = await this.database
      .col('fines')
      .updateOne({ uniqueKey: fine.uniqueKey }, { $setOnInsert: { ...fine } }, { upsert: true, session });
    if (result.upsertedCount > 0) await this.tallies.finesPosted([fine], session);
    return result.upsertedCount > 0;
  }
  /** Posts a batch once per unique key, in the caller's transaction. */
  async upsertMany(fines: readonly FineEntry[], session: ClientSession): Promise<void> {
    if (fines.length === 0) return;
    const result = await this.database.col('fines').bulkWrite(upsertsByUniqueKey(fines), { session, ordered: true });
    // upsertedIds is keyed by the operation's index: the fines this batch posted.
    await this.tallies.finesPosted(
      Object.keys(result.upsertedIds).map((i) => fines[Number(i)]!),
      session,
    );
  }
}
