import type { LocalizedText } from '@aftersales/engine';
import type { FineEntry, HistoryPage } from '../../api/workApi';
import type { Translate } from '../../i18n/I18nContext';

type Entry = HistoryPage['items'][number];

/** What the words of a fine's event are made of: messages, labels, role and people names, money. */
export interface FineEventWords {
  t: Translate;
  text: (label: LocalizedText | undefined) => string;
  /** A policy role by its label. */
  role: (id: string) => string;
  /** Whoever an entry names (a user by display name, an API key by its name). */
  person: (actor: string) => string;
  /** An amount in yuan as people read it (¥180.00). */
  money: (amount: number) => string;
}

/**
 * A fine's entry in a record's history (entity `fine`: a manager waived or corrected it) in words:
 * who did it, the amount before (and after), who pays and the rule's reason, and the manager's
 * reason: 张经理 免除了罚款 ¥180.00（王师傅（技术员）：营收未在 3 天内交财务）— 原因：营业款当日已交.
 * Who pays and the rule's reason come from the record's fines (the entry names the fine reversed);
 * a fine not among them is named by its amount alone. The words always say who did it. Null for
 * the entries of other entities.
 */
export function fineEvent(entry: Entry, fines: readonly FineEntry[], words: FineEventWords): string | null {
  if (entry.entity !== 'fine') return null;
  const { t, person, money } = words;
  const before = fields(entry.before);
  const after = fields(entry.after);
  const fine = fines.find((f) => f.id === entry.entityId);
  const was = amountOf(before.amount) ?? fine?.amount;
  const amount = was === undefined ? '' : money(was);
  const about = fine ? aboutFine(fine, words) : '';
  const who = person(entry.actor);
  const reason = typeof after.reason === 'string' ? after.reason.trim() : '';
  const note = reason && t('staff.history.withdrawReason', { comment: reason });
  const now = amountOf(after.amount);
  switch (entry.action) {
    case 'fine waived':
      return withNote(t('staff.history.fineWaived', { who, amount, about }), note);
    case 'fine corrected':
      return withNote(t('staff.history.fineCorrected', { who, amount, to: now === undefined ? '–' : money(now), about }), note);
    default:
      return withNote(t('staff.history.fineOther', { who, amount, about }), note);
  }
}

/** Who pays the fine (by display name, with the role they pay as) and the rule's reason, in brackets. */
function aboutFine(fine: FineEntry, { t, text, role }: FineEventWords): string {
  const payer = fine.personName
    ? t('staff.fines.payerWithRole', { person: fine.personName, role: role(fine.payerRole) })
    : role(fine.payerRole);
  const rule = text(fine.reason);
  if (payer && rule) return t('staff.history.fineAbout', { payer, rule });
  return payer || rule ? t('staff.history.fineAboutOne', { about: payer || rule }) : '';
}

/** The decision's words, then the manager's reason when they gave one. */
function withNote(title: string, note: string): string {
  return note ? `${title} — ${note}` : title;
}

function fields(value: unknown): Record<string, unknown> {
  return (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
}

function amountOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
