import type { Approval } from './types.js';

/** The key a policy asks for an approval by: who approves, before which status. */
export function approvalKey(approval: Pick<Approval, 'approver' | 'before'>): string {
  return `${approval.approver}|${approval.before}`;
}

/**
 * Which approval tasks a record write adds, given the record's tasks as stored (`existing`) and
 * what its new outcome asks for (`requested`). Both store adapters use it, in the write's
 * transaction.
 *
 * - A task once asked for is never removed or changed by a write: a pending one stays pending
 *   until an approver decides it or a manager withdraws it (an edit cannot make it vanish), and
 *   decided ones are history.
 * - A requested task is added only when the record has no task for the same approver and status
 *   that is pending, approved or rejected. A withdrawn one does not count: when the policy asks
 *   again after a withdrawal, it is asked again.
 * - The same key requested twice (two rules) is added once.
 */
export function mergeApprovals(existing: readonly Approval[], requested: readonly Approval[]): Approval[] {
  const held = new Set(existing.filter((a) => a.state !== 'withdrawn').map(approvalKey));
  const added: Approval[] = [];
  for (const approval of requested) {
    const key = approvalKey(approval);
    if (held.has(key)) continue;
    held.add(key);
    added.push(approval);
  }
  return added;
}
