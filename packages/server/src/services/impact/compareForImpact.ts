import { readOffsetInstant, type Deadline, type Outcome } from '@aftersales/engine';
import type { ImpactDue, ImpactFine, RecordChange } from './RecordChange.js';

type Changes = Omit<RecordChange, 'id' | 'formId' | 'title' | 'createdAt' | 'store' | 'month' | 'persons'>;

const ruleOf = (source: { ruleSet: string; rule: string }) => `${source.ruleSet}/${source.rule}`;

/** `Date.parse` of an outcome's ISO time (the engine's reading of that form without `Date`, which costs less). */
const instant = (iso: string) => readOffsetInstant(iso) ?? Date.parse(iso);

/** Late: met after the due time, or not met and past it at `now` (an open deadline is judged today). */
export function isLate(deadline: Deadline, now: Date): boolean {
  if (deadline.dueAt === null) return false;
  const reference = deadline.metAt ? instant(deadline.metAt) : now.getTime();
  return reference > instant(deadline.dueAt);
}

/** The fines an outcome means: the rules' fines and the breach fines of its late deadlines. */
function finesOf(outcome: Outcome, now: Date): ImpactFine[] {
  const fines: ImpactFine[] = outcome.fines.map((f) => ({
    rule: ruleOf(f.source),
    role: f.payer.role,
    person: f.payer.person ?? null,
    amount: f.amount,
  }));
  for (const d of outcome.deadlines) {
    if (!isLate(d, now)) continue;
    for (const f of d.breachFines)
      fines.push({ rule: ruleOf(d.source), role: f.payer.role, person: f.payer.person ?? null, amount: f.amount });
  }
  return fines;
}

/** Items of `list` not cancelled by one of `base` with the same key (repeats counted). */
function unmatched<T>(base: readonly T[], list: readonly T[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const item of base) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return list.filter((item) => {
    const left = counts.get(key(item)) ?? 0;
    if (left > 0) counts.set(key(item), left - 1);
    return left === 0;
  });
}

const due = (d: Deadline, now: Date): ImpactDue => ({ dueAt: d.dueAt, late: isLate(d, now) });

/**
 * What differs between two outcomes of one record evaluated at the same instant, as the impact
 * counts it: fines (with breach fines of late deadlines), deadlines whose due time or lateness
 * moved, approvals, blocks and computed amounts. Null when nothing differs.
 */
const fineKey = (f: ImpactFine) => `${f.rule}|${f.role}|${f.person ?? ''}|${f.amount}`;
const approvalKey = (a: { approver: string; before: string }) => `${a.approver}|${a.before}`;
const blockKey = (b: { message: { en: string }; rule: string }) => b.message.en;

export function compareForImpact(before: Outcome, after: Outcome, now: Date): Changes | null {
  const finesBefore = finesOf(before, now);
  const finesAfter = finesOf(after, now);
  const approvalsBefore = before.approvals.map((a) => ({ approver: a.approver, before: a.before, rule: ruleOf(a.source) }));
  const approvalsAfter = after.approvals.map((a) => ({ approver: a.approver, before: a.before, rule: ruleOf(a.source) }));
  const blocksBefore = before.blocks.map((b) => ({ message: b.message, rule: ruleOf(b.source) }));
  const blocksAfter = after.blocks.map((b) => ({ message: b.message, rule: ruleOf(b.source) }));

  const deadlines: Changes['deadlines'] = [];
  const keys = new Set([...before.deadlines, ...after.deadlines].map((d) => d.key));
  for (const key of keys) {
    const old = before.deadlines.find((d) => d.key === key);
    const now_ = after.deadlines.find((d) => d.key === key);
    const b = old ? due(old, now) : null;
    const a = now_ ? due(now_, now) : null;
    if (b && a && b.dueAt === a.dueAt && b.late === a.late) continue;
    const shown = (now_ ?? old)!;
    deadlines.push({
      key,
      what: shown.what,
      rule: ruleOf(shown.source),
      person: shown.owner?.person ?? null,
      role: shown.owner?.role ?? null,
      before: b,
      after: a,
    });
  }

  const amountsChanged: Changes['amountsChanged'] = [];
  for (const name of new Set([...before.amounts, ...after.amounts].map((a) => a.name))) {
    const old = before.amounts.find((a) => a.name === name);
    const next = after.amounts.find((a) => a.name === name);
    if (old?.value === next?.value) continue;
    const shown = (next ?? old)!;
    amountsChanged.push({ label: shown.label, before: old?.value ?? null, after: next?.value ?? null, rule: ruleOf(shown.source) });
  }

  const changes: Changes = {
    finesAdded: unmatched(finesBefore, finesAfter, fineKey),
    finesRemoved: unmatched(finesAfter, finesBefore, fineKey),
    deadlines,
    approvalsAdded: unmatched(approvalsBefore, approvalsAfter, approvalKey),
    approvalsRemoved: unmatched(approvalsAfter, approvalsBefore, approvalKey),
    blocksAdded: unmatched(blocksBefore, blocksAfter, blockKey),
    blocksRemoved: unmatched(blocksAfter, blocksBefore, blockKey),
    amountsChanged,
  };
  return Object.values(changes).some((list) => list.length > 0) ? changes : null;
}
