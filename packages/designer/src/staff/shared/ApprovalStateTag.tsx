import { Tag } from 'antd';
import type { Approval } from '@aftersales/engine';
import type { Person } from '../../api/fieldworkApi';
import type { RecordDetail } from '../../api/workApi';
import { useI18n } from '../../i18n/I18nContext';
import { actorName } from '../../shared/people/actorName';
import { CHIP_COLORS } from './DeadlineChips';

type ApprovalTask = RecordDetail['approvals'][number];

export const APPROVAL_COLORS = {
  pending: CHIP_COLORS.dueSoon,
  approved: CHIP_COLORS.met,
  rejected: CHIP_COLORS.overdue,
  withdrawn: CHIP_COLORS.onTime,
} as const;

/**
 * The record's task for an approval its policy asks for: the one of the same approver and status
 * that is not withdrawn (the server keeps at most one), else the latest withdrawn one.
 */
export function taskFor(tasks: readonly ApprovalTask[], approval: Pick<Approval, 'approver' | 'before'>): ApprovalTask | undefined {
  const same = tasks.filter((task) => task.approver === approval.approver && task.before === approval.before);
  return same.find((task) => task.state !== 'withdrawn') ?? same.reduce<ApprovalTask | undefined>(latest, undefined);
}

const latest = (a: ApprovalTask | undefined, b: ApprovalTask) => (a === undefined || b.createdAt > a.createdAt ? b : a);

/** What became of an approval the policy asks for: waiting, or approved / rejected / withdrawn and by whom. */
export function ApprovalStateTag({ task, people }: { task: ApprovalTask; people: readonly Person[] | null }) {
  const { t, locale } = useI18n();
  const state = t(`staff.approvals.${task.state}`);
  return (
    <Tag color={APPROVAL_COLORS[task.state]} style={{ marginInlineEnd: 0 }}>
      {task.decidedBy ? `${state} · ${actorName(people, task.decidedBy, locale)}` : state}
    </Tag>
  );
}
