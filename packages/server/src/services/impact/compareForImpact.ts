import { readOffsetInstant, type Deadline, type Outcome } from '@aftersales/engine';
import type { ImpactFine, RecordChange } from './RecordChange.js';

type Changes = Omit<RecordChange, 'id' | 'formId' | 'title' | 'createdAt' | 'store' | 'month' | 'persons'>;

const ruleOf = (source: { ruleSet: string; rule: string }) => `${source.ruleSet}/${source.rule}`;

/** `Date.parse` of an outcome's ISO time (the engine's reading of that form without `Date`, which costs less). */
const instant = (iso: string) => readOffsetInstant(iso) ?? Date.parse(iso);

/** Late: met after the due time, or not met and past it at `now` (epoch ms; an open deadline is judged today). */
function isLateAt(deadline: Deadline, now: number): boolean {
  if (deadline.dueAt === null) return false;
  const reference = deadline.metAt ? instant(deadline.metAt) : now;
  return reference > instant(deadline.dueAt);
}

/** The fines an outcome means: the rules' fines and the breach fines of its late deadlines (`late`: by deadline index). */
function finesOf(outcome: Outcome, late: readonly boolean[]): ImpactFine[] {
  const fines: ImpactFine[] = [];
  for (const f of outcome.fines)
    fines.push({ rule: ruleOf(f.source), role: f.payer.role, person: f.payer.person ?? null, amount: f.amount });
  for (let i = 0; i < outcome.deadlines.length; i++) {
    const d = outcome.deadlines[i]!;
    if (!late[i] || d.breachFines.length === 0) continue;
    for (const f of d.breachFines)
      fines.push({ rule: ruleOf(d.source), role: f.payer.role, person: f.payer.person ?? null, amount: f.amount });
  }
  return fines;
}

/** Items of `list` not cancelled by one of `base` with the same key (repeats counted). */
function unmatched<T>(base: readonly T[], list: readonly T[], key: (item: T) => string): T[] {
  if (list.length === 0) return [];
  if (base.length === 0) return list.slice();
  const counts = new Map<string, number>();
  for (const item of base) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return list.filter((item) => {
    const left = counts.get(key(item)) ?? 0;
    if (left > 0) counts.set(key(item), left - 1);
    return left === 0;
  });
}

/** Whether each deadline of a list is late at `now` (epoch ms). */
function lateness(deadlines: readonly Deadline[], now: number): boolean[] {
  const late = new Array<boolean>(deadlines.length);
  for (let i = 0; i < deadlines.length; i++) late[i] = isLateAt(deadlines[i]!, now);
  return late;
}

/** Adds a deadline's change unless its due time and lateness are the same on both sides. */
function deadlineChange(
  into: Changes['deadlines'],
  old: Deadline | undefined,
  oldLate: boolean,
  next: Deadline | undefined,
  nextLate: boolean,
): void {
  if (old && next && old.dueAt === next.dueAt && oldLate === nextLate) return;
  const shown = (next ?? old)!;
  into.push({
    key: shown.key,
    what: shown.what,
    rule: ruleOf(shown.source),
    person: shown.owner?.person ?? null,
    role: shown.owner?.role ?? null,
    before: old ? { dueAt: old.dueAt, late: oldLate } : null,
    after: next ? { dueAt: next.dueAt, late: nextLate } : null,
  });
}

/** The first deadline of a list with this key (its index), or -1. */
function indexOfKey(deadlines: readonly Deadline[], key: string): number {
  for (let i = 0; i < deadlines.length; i++) if (deadlines[i]!.key === key) return i;
  return -1;
}

/** The first amount of a list with this name, if any. */
function amountNamed(amounts: Outcome['amounts'], name: string): Outcome['amounts'][number] | undefined {
  for (const a of amounts) if (a.name === name) return a;
  return undefined;
}

/**
 * What differs between two outcomes of one record evaluated at the same instant, as the impact
 * counts it: fines (with breach fines of late deadlines), deadlines whose due time or lateness
 * moved, approvals, blocks and computed amounts. Null when nothing differs. Written with loops
 * over the (short) lists and each deadline judged late once: it runs for every replayed record.
 */
const fineKey = (f: ImpactFine) => `${f.rule}|${f.role}|${f.person ?? ''}|${f.amount}`;
const approvalKey = (a: { approver: string; before: string }) => `${a.approver}|${a.before}`;
const blockKey = (b: { message: { en: string }; rule: string }) => b.message.en;
const approvalOf = (a: Outcome['approvals'][number]) => ({ approver: a.approver, before: a.before, rule: ruleOf(a.source) });
const blockOf = (b: Outcome['blocks'][number]) => ({ message: b.message, rule: ruleOf(b.source) });

export function compareForImpact(before: Outcome, after: Outcome, now: Date): Changes | null {
  const at = now.getTime();
  const lateBefore = lateness(before.deadlines, at);
  const lateAfter = lateness(after.deadlines, at);

  const deadlines: Changes['deadlines'] = [];
  // Keys in the order they first come, the published outcome's first; each key's first deadline on either side.
  for (let i = 0; i < before.deadlines.length; i++) {
    const key = before.deadlines[i]!.key;
    if (indexOfKey(before.deadlines, key) !== i) continue;
    const j = indexOfKey(after.deadlines, key);
    deadlineChange(deadlines, before.deadlines[i], lateBefore[i]!, j >= 0 ? after.deadlines[j] : undefined, j >= 0 && lateAfter[j]!);
  }
  for (let j = 0; j < after.deadlines.length; j++) {
    const key = after.deadlines[j]!.key;
    if (indexOfKey(after.deadlines, key) !== j || indexOfKey(before.deadlines, key) >= 0) continue;
    deadlineChange(deadlines, undefined, false, after.deadlines[j], lateAfter[j]!);
  }

  const amountsChanged: Changes['amountsChanged'] = [];
  if (before.amounts.length + after.amounts.length > 0)
    for (const name of new Set([...before.amounts, ...after.amounts].map((a) => a.name))) {
      const old = amountNamed(before.amounts, name);
      const next = amountNamed(after.amounts, name);
      if (old?.value === next?.value) continue;
      const shown = (next ?? old)!;
      amountsChanged.push({ label: shown.label, before: old?.value ?? null, after: next?.value ?? null, rule: ruleOf(shown.source) });
    }

  const finesBefore = finesOf(before, lateBefore);
  const finesAfter = finesOf(after, lateAfter);
  const approvalsBefore = before.approvals.map(approvalOf);
  const approvalsAfter = after.approvals.map(approvalOf);
  const blocksBefore = before.blocks.map(blockOf);
  const blocksAfter = after.blocks.map(blockOf);
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
  return changes.finesAdded.length > 0 ||
    changes.finesRemoved.length > 0 ||
    deadlines.length > 0 ||
    changes.approvalsAdded.length > 0 ||
    changes.approvalsRemoved.length > 0 ||
    changes.blocksAdded.length > 0 ||
    changes.blocksRemoved.length > 0 ||
    amountsChanged.length > 0
    ? changes
    : null;
}
