import { CLOCK_ACTOR } from '@aftersales/contract';
import type { ApiKey, Approval, AuditEntry, CalendarJob, DeadlineRow, DocumentKind, FineEntry, RecordWrite, User } from './types.js';

/** An audit entry before the store numbers it. */
export type AuditInput = Omit<AuditEntry, 'id'>;

// What each unit of work writes to the audit log: one place, both adapters (the entries are the same whatever the store).

export function recordWritten(write: RecordWrite): AuditInput {
  const { record, previous } = write;
  return {
    at: record.updatedAt,
    actor: write.actor,
    entity: 'record',
    entityId: record.id,
    action: write.action,
    before: previous?.data ?? null,
    after: record.data,
  };
}

export function deadlineBreached(row: DeadlineRow, fines: readonly FineEntry[], at: string): AuditInput {
  return {
    at,
    actor: CLOCK_ACTOR,
    entity: 'record',
    entityId: row.recordId,
    action: `deadline ${row.key} breached`,
    before: 'open',
    after: { fines: fines.map((f) => f.amount) },
  };
}

/**
 * What an approval's entries say about it, so that a record's history reads them without the
 * approval: which role approves before which status, and the policy's reason in both languages.
 */
function approvalFacts(approval: Approval) {
  return { recordId: approval.recordId, approver: approval.approver, beforeStatus: approval.before, reason: approval.reason };
}

/** The policy asked for an approval: a record write (by `actor`) added it. */
export function approvalAsked(approval: Approval, actor: string): AuditInput {
  return {
    at: approval.createdAt,
    actor,
    entity: 'approval',
    entityId: approval.id,
    recordId: approval.recordId,
    action: 'asked',
    before: null,
    after: { state: 'pending', ...approvalFacts(approval) },
  };
}

/** An approver approved or rejected, or a manager withdrew, a pending approval (the comment: their words). */
export function approvalDecided(approval: Approval, actor: string): AuditInput {
  return {
    at: approval.decidedAt ?? '',
    actor,
    entity: 'approval',
    entityId: approval.id,
    recordId: approval.recordId,
    action: approval.state,
    before: 'pending',
    after: { state: approval.state, comment: approval.comment, ...approvalFacts(approval) },
  };
}

/** Nobody in the record's store held the approval's role and it waited: the clock passed it to `escalatedTo`'s holders. */
export function approvalEscalated(approval: Approval, escalatedTo: string, at: string): AuditInput {
  return {
    at,
    actor: CLOCK_ACTOR,
    entity: 'approval',
    entityId: approval.id,
    recordId: approval.recordId,
    action: 'escalated',
    before: null,
    after: { state: 'pending', escalatedTo, ...approvalFacts(approval) },
  };
}

/**
 * The record an entry is about (stored with it, indexed: a record's history is one index range):
 * a record's own entries name it as their entity, its approvals' and its fines' entries in `recordId`.
 */
export function auditRecordId(entry: AuditInput): string | null {
  return entry.recordId ?? (entry.entity === 'record' ? entry.entityId : null);
}

/**
 * A manager waived or corrected a posted fine (the entity: the fine reversed): in its record's
 * history, with the amounts before and after and the manager's reason.
 */
export function fineReversed(change: { reversal: FineEntry; replacement: FineEntry | null }, actor: string, at: string): AuditInput {
  return {
    at,
    actor,
    entity: 'fine',
    entityId: change.reversal.corrects ?? '',
    recordId: change.reversal.recordId,
    action: change.replacement ? 'fine corrected' : 'fine waived',
    before: { amount: -change.reversal.amount },
    after: { amount: change.replacement?.amount ?? 0, reason: change.reversal.note, recordId: change.reversal.recordId },
  };
}

export function calendarJobFinished(
  calendarId: string,
  version: number,
  counts: NonNullable<CalendarJob['counts']>,
  at: string,
): AuditInput {
  return {
    at,
    actor: CLOCK_ACTOR,
    entity: 'calendar',
    entityId: calendarId,
    action: `deadlines recomputed for version ${version}`,
    before: null,
    after: { version, ...counts },
  };
}

export function apiKeyRevokedWithCreator(key: Pick<ApiKey, 'id' | 'name'>, actor: string, at: string): AuditInput {
  return {
    at,
    actor,
    entity: 'apiKey',
    entityId: key.id,
    action: 'revoke (creator deactivated)',
    before: { name: key.name, revoked: false },
    after: { name: key.name, revoked: true },
  };
}

export function userDeactivation(before: User, user: User, revokedKeys: readonly string[], actor: string, at: string): AuditInput {
  const deactivating = user.deactivatedAt !== undefined;
  return {
    at,
    actor,
    entity: 'user',
    entityId: user.id,
    action: deactivating ? 'deactivate' : 'reactivate',
    before: { username: before.username, deactivatedAt: before.deactivatedAt ?? null },
    after: { username: user.username, deactivatedAt: user.deactivatedAt ?? null, ...(deactivating ? { revokedKeys } : {}) },
  };
}

export function draftSaved(kind: DocumentKind, id: string, before: unknown, definition: unknown, actor: string, at: string): AuditInput {
  return { at, actor, entity: 'definition', entityId: `${kind}:${id}`, action: 'draft.save', before, after: definition };
}

export function draftDiscarded(kind: DocumentKind, id: string, before: unknown, actor: string, at: string): AuditInput {
  return { at, actor, entity: 'definition', entityId: `${kind}:${id}`, action: 'draft.discard', before, after: null };
}

export function archiveSet(kind: DocumentKind, id: string, archived: boolean, actor: string, at: string): AuditInput {
  return {
    at,
    actor,
    entity: 'definition',
    entityId: `${kind}:${id}`,
    action: archived ? 'archive' : 'unarchive',
    before: null,
    after: null,
  };
}

export function versionPublished(
  item: { kind: DocumentKind; id: string; definition: unknown },
  version: number,
  before: unknown,
  actor: string,
  at: string,
): AuditInput {
  return {
    at,
    actor,
    entity: 'definition',
    entityId: `${item.kind}:${item.id}`,
    action: `publish v${version}`,
    before,
    after: item.definition,
  };
}
