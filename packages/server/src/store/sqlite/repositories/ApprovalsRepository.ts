import { approvalDecided, approvalEscalated } from '../../auditEntries.js';
import { mergeApprovals } from '../../mergeApprovals.js';
import type { ApprovalsRepository } from '../../ports/ApprovalsRepository.js';
import type { ApprovalPageFilter, KeysetPage } from '../../paging.js';
import type { Approval } from '../../types.js';
import { keysetPage } from '../keysetPage.js';
import { json, parse, str, type Row } from '../rows.js';
import type { SqliteDatabase } from '../SqliteDatabase.js';
import { Where } from '../where.js';
import { markEscalated, pendingUnescalated, setApprovalsStore, visibleApproval } from '../queries/approvals.js';
import type { UnescalatedRange } from '../../ports/ApprovalsRepository.js';
import type { SqliteAuditRepository } from './AuditRepository.js';

export class SqliteApprovalsRepository implements ApprovalsRepository {
  constructor(
    private readonly database: SqliteDatabase,
    private readonly audit: SqliteAuditRepository,
  ) {}

  async listApprovals(filter: { state?: Approval['state']; approvers?: string[]; recordId?: string }) {
    const where = new Where();
    if (filter.state) where.add('state = ?', filter.state);
    if (filter.recordId) where.add('record_id = ?', filter.recordId);
    if (filter.approvers) where.add(`approver IN (${filter.approvers.map(() => '?').join(', ') || 'NULL'})`, ...filter.approvers);
    return (
      this.database.stmt(`SELECT * FROM approvals ${where.clause()} ORDER BY created_at DESC LIMIT 1000`).all(...where.params) as Row[]
    ).map(toApproval);
  }
  async getApproval(id: string) {
    const row = this.database.stmt('SELECT * FROM approvals WHERE id = ?').get(id) as Row | undefined;
    return row ? toApproval(row) : null;
  }
  async decideApproval(approval: Approval, actor: string) {
    return this.database.transaction(() => {
      const changed =
        this.database
          .stmt("UPDATE approvals SET state = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ? AND state = 'pending'")
          .run(approval.state, approval.decidedBy, approval.decidedAt, approval.comment, approval.id).changes > 0;
      if (changed) this.audit.append(approvalDecided(approval, actor));
      return changed;
    });
  }
  async pageApprovals(filter: ApprovalPageFilter): Promise<KeysetPage<Approval>> {
    const where = new Where();
    if (filter.state) where.add('state = ?', filter.state);
    if (filter.recordId) where.add('record_id = ?', filter.recordId);
    if (filter.approvers) {
      const also = filter.alsoIds ?? [];
      const ids = also.length > 0 ? ` OR id IN (${also.map(() => '?').join(', ')})` : '';
      const approvers = filter.approvers.map(() => '?').join(', ') || 'NULL';
      // Escalated ones: the ids of the approver's and of the escalated pending approvals, each from a covering index.
      if (filter.alsoEscalated)
        where.add(
          `(approvals.id IN (SELECT id FROM approvals WHERE approver IN (${approvers}) UNION ALL
            SELECT id FROM approvals WHERE state = 'pending' AND escalated_at IS NOT NULL)${ids})`,
          ...filter.approvers,
          ...also,
        );
      else where.add(`(approver IN (${approvers})${ids})`, ...filter.approvers, ...also);
    }
    if (filter.visibleTo) {
      const visible = visibleApproval(filter.visibleTo);
      where.add(visible.sql, ...visible.params);
    }
    return keysetPage(this.database, where, 'approvals', 'created_at DESC, id DESC', filter, toApproval, () =>
      filter.after ? where.with('(created_at, id) < (?, ?)', filter.after[0], filter.after[1]) : where,
    );
  }
  async pendingUnescalated(range: UnescalatedRange) {
    return pendingUnescalated(this.database.db, range).map((row) => ({ approval: toApproval(row), store: str(row.store) }));
  }
  async markEscalated(ids: readonly string[], at: string, escalatedTo: string) {
    return this.database.transaction(() => {
      const marked = markEscalated(this.database.db, ids, at).map(toApproval);
      for (const approval of marked) this.audit.append(approvalEscalated(approval, escalatedTo, at));
      return marked.map((a) => a.id);
    });
  }

  /**
   * Adds what a record write's outcome asks for, inside the write's transaction: approvals once asked
   * for stay (mergeApprovals), an edit adds what the policy newly asks and never removes. Answers
   * those it added (the write audits them after its own entry).
   */
  addRequested(recordId: string, store: string | null, requested: readonly Approval[], { created }: { created: boolean }): Approval[] {
    if (!created) setApprovalsStore(this.database.db, recordId, store);
    const existing = created
      ? []
      : (this.database.stmt('SELECT * FROM approvals WHERE record_id = ?').all(recordId) as Row[]).map(toApproval);
    const added = mergeApprovals(existing, requested);
    for (const a of added)
      this.database
        .stmt(
          `INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, decided_by, decided_at, comment,
             created_at, requested_rev, requested_data, store) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          a.id,
          a.recordId,
          a.formId,
          a.approver,
          a.before,
          json(a.reason),
          a.rule,
          a.state,
          null,
          null,
          null,
          a.createdAt,
          a.requestedRev ?? null,
          a.requestedData === undefined ? null : json(a.requestedData),
          store,
        );
    return added;
  }
}

export function toApproval(row: Row): Approval {
  return {
    id: String(row.id),
    recordId: String(row.record_id),
    formId: String(row.form_id),
    approver: String(row.approver),
    before: String(row.before_status),
    reason: parse(row.reason),
    rule: String(row.rule),
    state: String(row.state) as Approval['state'],
    decidedBy: str(row.decided_by),
    decidedAt: str(row.decided_at),
    comment: str(row.comment),
    createdAt: String(row.created_at),
    ...(row.requested_rev === null || row.requested_rev === undefined ? {} : { requestedRev: Number(row.requested_rev) }),
    ...(row.requested_data === null || row.requested_data === undefined ? {} : { requestedData: parse(row.requested_data) }),
    ...(typeof row.escalated_at === 'string' ? { escalatedAt: row.escalated_at } : {}),
  };
}
