import { describe, expect, it } from 'vitest';
import { mergeApprovals } from './mergeApprovals.js';
import type { Approval } from './types.js';

const task = (approver: string, before: string, state: Approval['state'] = 'pending', id = `${approver}-${before}-${state}`): Approval => ({
  id,
  recordId: 'r1',
  formId: 'complaint-log',
  approver,
  before,
  reason: { 'zh-CN': '需审批', en: 'needs approval' },
  rule: 'A10-serious',
  state,
  decidedBy: null,
  decidedAt: null,
  comment: null,
  createdAt: '2025-10-09T02:00:00.000Z',
  requestedRev: 1,
  requestedData: {},
});

describe('mergeApprovals', () => {
  it('when the new outcome no longer asks for a pending approval, then nothing is added and nothing is removed', () => {
    expect(mergeApprovals([task('deputyGeneralManager', 'resolved')], [])).toEqual([]);
  });

  it('when the outcome asks again for a pending, approved or rejected approval, then no second task is added', () => {
    for (const state of ['pending', 'approved', 'rejected'] as const)
      expect(
        mergeApprovals([task('deputyGeneralManager', 'resolved', state)], [task('deputyGeneralManager', 'resolved', 'pending', 'new')]),
      ).toEqual([]);
  });

  it('when a withdrawn approval is asked for again, then a new pending task is added', () => {
    const again = task('deputyGeneralManager', 'resolved', 'pending', 'new');
    expect(mergeApprovals([task('deputyGeneralManager', 'resolved', 'withdrawn')], [again])).toEqual([again]);
  });

  it('when two rules ask for the same approver before the same status, then one task is added', () => {
    const first = task('generalManager', 'approved', 'pending', 'a');
    expect(mergeApprovals([], [first, task('generalManager', 'approved', 'pending', 'b')])).toEqual([first]);
  });

  it('when the outcome asks for another approver or status, then that task is added beside the held ones', () => {
    const other = task('generalManager', 'resolved', 'pending', 'gm');
    expect(mergeApprovals([task('deputyGeneralManager', 'resolved')], [other])).toEqual([other]);
  });
});
