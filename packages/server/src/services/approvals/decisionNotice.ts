import type { Approval, Notification, StoredRecord, User } from '../../store/types.js';
import { timeOrderedId } from '../ids.js';

/**
 * The notice that tells whoever asked (the record's creator) how an approval was decided, with the
 * approver's reason. Addressed to that person under one of their policy roles (notices are read by
 * role and person); null when the creator holds no policy role (no one would read it).
 */
export function decisionNotice(
  approval: Approval,
  record: StoredRecord,
  requester: User | null,
  names: { approver: { 'zh-CN': string; en: string }; decidedBy: string },
): Notification | null {
  const role = requester?.policyRoles[0];
  if (!requester || !role || approval.state === 'pending' || approval.state === 'withdrawn') return null;
  const approved = approval.state === 'approved';
  const reason = approval.comment?.trim() ?? '';
  return {
    id: timeOrderedId(),
    uniqueKey: `${record.id}|decision|${approval.id}`,
    at: approval.decidedAt ?? new Date().toISOString(),
    role,
    person: requester.username,
    recordId: record.id,
    message: {
      'zh-CN': `${names.decidedBy}（${names.approver['zh-CN']}）${approved ? '已批准' : '已驳回'}你的申请${reason ? `，理由：${reason}` : ''}`,
      en: `${names.decidedBy} (${names.approver.en}) ${approved ? 'approved' : 'rejected'} your request${reason ? `: ${reason}` : ''}`,
    },
  };
}
