import type Database from 'better-sqlite3';
import type { Visibility } from '../../paging.js';
import type { UnescalatedRange } from '../../ports/ApprovalsRepository.js';
import { Conditions, prepared } from './prepared.js';
import type { Row } from '../rows.js';

/** Pending approvals without an escalation mark in a creation range, oldest first (an index range scan, no record lookups). */
export function pendingUnescalated(db: Database.Database, range: UnescalatedRange): Row[] {
  const where = new Conditions(["state = 'pending'", 'escalated_at IS NULL']);
  if (range.createdUpTo !== undefined) where.add('created_at <= ?', range.createdUpTo);
  if (range.createdAfter !== undefined) where.add('created_at > ?', range.createdAfter);
  if (range.unheld) {
    const { everywhere, inStores } = range.unheld;
    const held = [
      ...(everywhere.length > 0 ? [`approver IN (${everywhere.map(() => '?').join(', ')})`] : []),
      ...inStores.map((r) => `(approver = ? AND (store IS NULL OR store IN (${r.stores.map(() => '?').join(', ')})))`),
    ];
    if (held.length > 0) where.add(`NOT (${held.join(' OR ')})`, ...everywhere, ...inStores.flatMap((r) => [r.approver, ...r.stores]));
  }
  if (range.after) where.add('(created_at, id) > (?, ?)', range.after[0], range.after[1]);
  // The escalation index holds exactly these rows in this order; named, because the planner (without statistics) prefers
  // (state, created_at, id) for a row-value cursor and would then read every escalated approval too.
  return prepared(db, `SELECT * FROM approvals INDEXED BY approvals_escalation ${where.clause()} ORDER BY created_at, id LIMIT ?`).all(
    ...where.params,
    range.limit,
  ) as Row[];
}

/**
 * Marks these pending approvals escalated at `at`; answers the rows this call marked, as marked, in
 * the order of `ids` (an approval is marked once, whoever asks).
 */
export function markEscalated(db: Database.Database, ids: readonly string[], at: string): Row[] {
  const mark = prepared(
    db,
    "UPDATE approvals SET escalated_at = ? WHERE id = ? AND state = 'pending' AND escalated_at IS NULL RETURNING *",
  );
  const marked: Row[] = [];
  for (const id of ids) {
    const row = mark.get(at, id) as Row | undefined;
    if (row) marked.push(row);
  }
  return marked;
}

/** Keeps the approvals' copy of their record's store (a record write may move the record). */
export function setApprovalsStore(db: Database.Database, recordId: string, store: string | null): void {
  prepared(db, 'UPDATE approvals SET store = ? WHERE record_id = ? AND store IS NOT ?').run(store, recordId, store);
}

/**
 * The approval's record is one the user may see, the same rule as `visibleRecord` (created it, is
 * assigned it, or it is in one of their stores), read from the approval's own `store` and the
 * records the user created or is assigned (two index lookups, computed once, not per row).
 */
export function visibleApproval(visibleTo: Visibility): { sql: string; params: unknown[] } {
  const { username, stores } = visibleTo;
  const inStores = stores.length > 0 ? `approvals.store IN (${stores.map(() => '?').join(', ')}) OR ` : '';
  return {
    sql: `(${inStores}approvals.record_id IN (SELECT id FROM records WHERE created_by = ? UNION ALL SELECT id FROM records WHERE assignee = ?))`,
    params: [...stores, username, username],
  };
}
