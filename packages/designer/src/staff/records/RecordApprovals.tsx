import { Card, Space, Tag, Typography } from 'antd';
import type { Person } from '../../api/fieldworkApi';
import type { RecordDetail } from '../../api/workApi';
import { useAuth } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nContext';
import { ApprovalChanges } from '../approvals/ApprovalChanges';
import { WithdrawApproval } from '../approvals/WithdrawApproval';
import { formatDateTime } from '../../shared/format';
import { actorName } from '../../shared/people/actorName';
import type { usePolicyText } from '../shared/usePolicyText';
import { APPROVAL_COLORS } from '../shared/ApprovalStateTag';

/** A record's approval tasks: who, before which status, their state, what changed since asked; managers withdraw one the policy no longer asks for. */
export function RecordApprovals({
  approvals,
  policy,
  people,
  onChange,
}: {
  approvals: RecordDetail['approvals'];
  policy: ReturnType<typeof usePolicyText>;
  /** Who may be named (deciders read by display name); null while loading. */
  people: readonly Person[] | null;
  onChange: () => void;
}) {
  const { t, text, locale } = useI18n();
  const { hasRole } = useAuth();
  if (approvals.length === 0) return null;
  return (
    <Card className="staff-card" title={<h3 className="card-heading">{t('staff.detail.approvals')}</h3>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {approvals.map((a) => (
          <div key={a.id} className="record-approval">
            <Space wrap>
              <Tag color={APPROVAL_COLORS[a.state]}>{t(`staff.approvals.${a.state}`)}</Tag>
              <Typography.Text>
                {t('staff.approvals.needs', { role: policy.role(a.approver), status: policy.status(a.before) })}
              </Typography.Text>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {text(a.reason)}
              {a.decidedAt &&
                ` · ${t('staff.approvals.decidedBy', { who: actorName(people, a.decidedBy, locale), time: formatDateTime(a.decidedAt, locale, policy.timeZone) })}`}
              {a.comment ? ` · ${a.comment}` : ''}
            </Typography.Paragraph>
            {a.state === 'pending' && !a.stillAsked && (
              <Typography.Paragraph type="secondary">{t('staff.approvals.noLongerAsked')}</Typography.Paragraph>
            )}
            {a.state === 'pending' && <ApprovalChanges changes={a.changes} />}
            {a.state === 'pending' && !a.stillAsked && hasRole('admin', 'manager') && <WithdrawApproval id={a.id} onDone={onChange} />}
          </div>
        ))}
      </Space>
    </Card>
  );
}
