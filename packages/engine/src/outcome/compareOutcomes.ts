import type { Approval, Block, ComputedAmount, Deadline, Fine, Notice, Outcome } from './Outcome.js';

/** What a policy change does to one record's outcome. */
export interface OutcomeChange {
  finesAdded: Fine[];
  finesRemoved: Fine[];
  /** Sum of fines after minus before, in CNY. */
  fineTotalDelta: number;
  deadlinesMoved: { key: string; before: Deadline; after: Deadline }[];
  deadlinesAdded: Deadline[];
  deadlinesRemoved: Deadline[];
  approvalsAdded: Approval[];
  approvalsRemoved: Approval[];
  amountsChanged: { name: string; before: ComputedAmount | null; after: ComputedAmount | null }[];
  blocksAdded: Block[];
  blocksRemoved: Block[];
  noticesAdded: Notice[];
  noticesRemoved: Notice[];
  changed: boolean;
}

const fineKey = (f: Fine) => `${f.source.ruleSet}|${f.source.rule}|${f.payer.role}|${f.payer.person ?? ''}|${f.amount}`;
const approvalKey = (a: Approval) => `${a.approver}|${a.before}`;
const blockKey = (b: Block) => `${b.before ?? ''}|${b.message.en}`;
const noticeKey = (n: Notice) => `${n.to.role}|${n.to.person ?? ''}|${n.message.en}`;

/** Compares a record's outcome under the published policy (before) and a draft (after). */
export function compareOutcomes(before: Outcome, after: Outcome): OutcomeChange {
  const [finesAdded, finesRemoved] = difference(before.fines, after.fines, fineKey);
  const [approvalsAdded, approvalsRemoved] = difference(before.approvals, after.approvals, approvalKey);
  const [blocksAdded, blocksRemoved] = difference(before.blocks, after.blocks, blockKey);
  const [noticesAdded, noticesRemoved] = difference(before.notices, after.notices, noticeKey);
  const [deadlinesAdded, deadlinesRemoved] = difference(before.deadlines, after.deadlines, (d) => d.key);
  const deadlinesMoved = after.deadlines.flatMap((d) => {
    const old = before.deadlines.find((b) => b.key === d.key);
    return old && (old.dueAt !== d.dueAt || old.state !== d.state) ? [{ key: d.key, before: old, after: d }] : [];
  });
  const names = new Set([...before.amounts, ...after.amounts].map((a) => a.name));
  const amountsChanged = [...names].flatMap((name) => {
    const old = before.amounts.find((a) => a.name === name) ?? null;
    const now = after.amounts.find((a) => a.name === name) ?? null;
    return old?.value === now?.value ? [] : [{ name, before: old, after: now }];
  });
  const total = (fines: Fine[]) => fines.reduce((sum, f) => sum + f.amount, 0);
  const change = {
    finesAdded,
    finesRemoved,
    fineTotalDelta: Math.round((total(after.fines) - total(before.fines)) * 100) / 100,
    deadlinesMoved,
    deadlinesAdded,
    deadlinesRemoved,
    approvalsAdded,
    approvalsRemoved,
    amountsChanged,
    blocksAdded,
    blocksRemoved,
    noticesAdded,
    noticesRemoved,
  };
  const changed = Object.values(change).some((v) => (Array.isArray(v) ? v.length > 0 : v !== 0));
  return { ...change, changed };
}

/** Items only in `after` (added) and only in `before` (removed), counting repeats. */
function difference<T>(before: T[], after: T[], key: (item: T) => string): [T[], T[]] {
  return [unmatched(before, after, key), unmatched(after, before, key)];
}

/** The items of `list` left over once each item of `base` has cancelled one with the same key. */
function unmatched<T>(base: T[], list: T[], key: (item: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const item of base) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return list.filter((item) => {
    const left = counts.get(key(item)) ?? 0;
    if (left > 0) counts.set(key(item), left - 1);
    return left === 0;
  });
}
