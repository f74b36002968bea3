import type { LocalizedText } from '@aftersales/engine';
import type { ImpactDue, ImpactRecord } from '../../api/impactApi';
import type { Translate } from '../../i18n/I18nContext';

/** A changed record's changes in words (before → after), one line each: deadlines, fines, approvals, blocks. */
export function describeImpactRecord(
  record: ImpactRecord,
  words: {
    t: Translate;
    text: (label: LocalizedText | undefined) => string;
    time: (iso: string) => string;
    role: (role: string) => string;
    /** A person by display name (a fine's payer is a user name, or a name typed before the store had accounts). */
    person: (username: string) => string;
  },
): string[] {
  const { t, text, time, role, person } = words;
  const due = (d: ImpactDue | null) =>
    d?.dueAt ? t('impact.dueAt', { time: time(d.dueAt), state: d.late ? t('impact.late') : t('impact.onTime') }) : t('impact.noDeadline');
  const who = (f: { role: string; person: string | null }) =>
    [role(f.role), f.person === null ? '' : person(f.person)].filter(Boolean).join(' ');
  return [
    ...record.deadlines.map((d) => t('impact.due', { what: text(d.what), before: due(d.before), after: due(d.after) })),
    ...record.finesAdded.map((f) => t('impact.fineAdded', { amount: f.amount, who: who(f) })),
    ...record.finesRemoved.map((f) => t('impact.fineRemoved', { amount: f.amount, who: who(f) })),
    ...record.approvalsAdded.map((a) => t('impact.approvalAdded', { who: role(a.approver) })),
    ...record.approvalsRemoved.map((a) => t('impact.approvalRemoved', { who: role(a.approver) })),
    ...record.blocksAdded.map((b) => t('impact.blockAdded', { message: text(b.message) })),
    ...record.blocksRemoved.map((b) => t('impact.blockRemoved', { message: text(b.message) })),
  ];
}
