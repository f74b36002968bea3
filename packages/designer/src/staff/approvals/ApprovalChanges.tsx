import { Typography } from 'antd';
import type { FieldChange } from '../../api/workApi';
import { useI18n } from '../../i18n/I18nContext';

/** What changed in a record since its approval was asked: each field by its label, before → after, in words. */
export function ApprovalChanges({ changes }: { changes: FieldChange[] }) {
  const { t, text } = useI18n();
  if (changes.length === 0) return null;
  return (
    <div className="approval-changes">
      <Typography.Text type="warning" strong>
        {t('staff.approvals.changedSince')}
      </Typography.Text>
      <ul>
        {changes.map((c) => (
          <li key={c.pointer}>{t('staff.approvals.change', { field: text(c.label), before: text(c.before), after: text(c.after) })}</li>
        ))}
      </ul>
    </div>
  );
}
