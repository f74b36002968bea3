import type { FormDefinition } from '@aftersales/engine';
import type { Approval, StoredRecord } from '../../store/types.js';
import { approvalKey } from '../../store/mergeApprovals.js';
import { changesSince, type FieldChange } from './changesSince.js';

/** An approval task as people see it: with the record's revision now and the fields changed since it was asked. */
export type ApprovalWithChanges = Approval & {
  changes: FieldChange[];
  changedSinceAsked: boolean;
  /** Whether the record's policy still asks for it now (when not, a manager may withdraw a pending one). */
  stillAsked: boolean;
};

export function approvalsWithChanges(
  form: FormDefinition | null,
  record: Pick<StoredRecord, 'data' | 'rev' | 'evaluation'> | null,
  approvals: readonly Approval[],
): ApprovalWithChanges[] {
  return approvals.map((approval) => {
    const asked = approval.requestedData;
    const changes = asked && form && record ? changesByPeople(form, asked, record.data, record.evaluation.evaluatedAt) : [];
    const task: Approval = { ...approval };
    delete task.requestedData;
    if (!record) return { ...task, changes, changedSinceAsked: false, stillAsked: true };
    return {
      ...task,
      changes,
      changedSinceAsked: approval.requestedRev !== undefined && approval.requestedRev !== record.rev && changes.length > 0,
      // A record stored without an approvals list (an old or partial evaluation) asks for none.
      stillAsked: ((record.evaluation.outcome as Partial<typeof record.evaluation.outcome>).approvals ?? []).some(
        (a) => approvalKey(a) === approvalKey(approval),
      ),
    };
  });
}

/**
 * What people changed since the approval was asked. The record's number is the server's, given as
 * the record is first written (the approval was asked with the number's shape, "…-000"): never a change.
 */
function changesByPeople(form: FormDefinition, asked: Record<string, unknown>, data: Record<string, unknown>, now: string) {
  const changes = changesSince(form.schema, asked, data, { now });
  const number = form.numbering?.field;
  return number === undefined ? changes : changes.filter((c) => c.pointer !== `/${number}`);
}
