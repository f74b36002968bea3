import type { LocalizedText } from '@aftersales/engine';
import type { HistoryPage, RecordDetail } from '../../api/workApi';
import type { Translate } from '../../i18n/I18nContext';

type Entry = HistoryPage['items'][number];
type Approval = NonNullable<RecordDetail['approvals']>[number];

/** What the words of an approval's event are made of: messages, labels, role and people names. */
export interface ApprovalEventWords {
  t: Translate;
  text: (label: LocalizedText | undefined) => string;
  /** A policy role by its label. */
  role: (id: string) => string;
  /** Whoever an entry names (a user by display name, the clock as the system). */
  person: (actor: string) => string;
}

/** An approval's event in a record's history, in words; `namesActor`: the words say who did it. */
export interface ApprovalEvent {
  title: string;
  namesActor: boolean;
}

/**
 * An approval's entry in a record's history (entity `approval`) in words: who was asked, who
 * approved, rejected or withdrew it with what comment, to whom the clock passed it, always with the
 * policy's reason (维修费用超过 200 元). Entries written before they carried the reason and role take
 * them from the record's approval. Null for the record's own entries.
 */
export function approvalEvent(entry: Entry, approvals: readonly Approval[], words: ApprovalEventWords): ApprovalEvent | null {
  if (entry.entity !== 'approval') return null;
  const { t, text, role, person } = words;
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Record<string, unknown>;
  const approval = approvals.find((a) => a.id === entry.entityId);
  const approver = typeof after.approver === 'string' ? after.approver : approval?.approver;
  const reason = text(isLocalized(after.reason) ? after.reason : approval?.reason) || (approver ? role(approver) : '–');
  const comment = typeof after.comment === 'string' ? after.comment.trim() : '';
  const who = person(entry.actor);
  switch (entry.action) {
    case 'asked':
      return { title: t('staff.history.approvalAsked', { role: approver ? role(approver) : '–', reason }), namesActor: false };
    case 'escalated':
      return {
        title: t('staff.history.approvalEscalated', {
          to: typeof after.escalatedTo === 'string' ? role(after.escalatedTo) : '–',
          role: approver ? role(approver) : '–',
          reason,
        }),
        namesActor: false,
      };
    case 'approved':
      return {
        title: withNote(t('staff.history.approvalApproved', { who, reason }), comment && t('staff.history.comment', { comment })),
        namesActor: true,
      };
    case 'rejected':
      return {
        title: withNote(t('staff.history.approvalRejected', { who, reason }), comment && t('staff.history.comment', { comment })),
        namesActor: true,
      };
    case 'withdrawn':
      return {
        title: withNote(t('staff.history.approvalWithdrawn', { who, reason }), comment && t('staff.history.withdrawReason', { comment })),
        namesActor: true,
      };
    default:
      return { title: t('staff.history.approvalOther', { reason }), namesActor: false };
  }
}

/** The decision's words, then the decider's comment when they gave one. */
function withNote(title: string, note: string): string {
  return note ? `${title} — ${note}` : title;
}

function isLocalized(value: unknown): value is LocalizedText {
  return !!value && typeof value === 'object' && typeof (value as Record<string, unknown>)['zh-CN'] === 'string';
}
