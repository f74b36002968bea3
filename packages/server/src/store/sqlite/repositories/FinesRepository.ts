import { fineReversed } from '../../auditEntries.js';
import type { FinesRepository } from '../../ports/FinesRepository.js';
import type { FineEntry } from '../../types.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import type { SqliteAuditRepository } from './AuditRepository.js';
import type { FineFilter, FinePageFilter } from '../../paging.js';
import * as fines from '../queries/fines.js';

export class SqliteFinesRepository implements FinesRepository {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly audit: SqliteAuditRepository,
  ) {}

  async getFine(id: string) {
    const row = this.database.stmt('SELECT * FROM fines WHERE id = ?').get(id) as Row | undefined;
    return row ? toFine(row) : null;
  }
  async reverseFine(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string) {
    return this.database.transaction(() => {
      if (!this.insert(change.reversal)) return false;
      if (change.replacement && !this.insert(change.replacement)) throw new Error('the replacement fine exists already');
      this.audit.append(fineReversed(change, actor, at));
      return true;
    });
  }
  async listFines(filter: FineFilter) {
    return fines.listFines(this.database.db, filter).map(toFine);
  }
  async pageFines(filter: FinePageFilter) {
    const page = fines.pageFines(this.database.db, filter);
    return { ...page, items: page.items.map(toFine) };
  }
  async fineTotals(filter: FineFilter) {
    return fines.fineTotals(this.database.db, filter);
  }

  /** Posts a fine once per unique key, inside the caller's transaction; true when it was added. */
  insert(f: FineEntry): boolean {
    return (
      this.database
        .stmt(
          `INSERT OR IGNORE INTO fines (id, unique_key, record_id, form_id, payer_role, person, amount, reason, origin, posted_at,
           corrects, corrected_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
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
}

export function toFine(row: Row): FineEntry {
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
