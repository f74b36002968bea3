import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import type { RecordDetail } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useAuth } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nContext';
import { personName, usePeople } from '../../shared/people/usePeople';

/** Whether the signed-in person may dispatch records of the form: its dispatchers' policy roles, managers, admins. */
export function mayDispatch(form: FormDefinition, user: { roles: string[]; policyRoles?: string[] } | null): boolean {
  if (!form.assignment || !user) return false;
  return (
    user.roles.includes('admin') ||
    user.roles.includes('manager') ||
    (user.policyRoles ?? []).some((r) => form.assignment!.dispatchers.includes(r))
  );
}

/**
 * 派工: who the record is assigned to, and for dispatchers a pick of the store's people holding the
 * field's roles (by display name) and one button that writes them in and stamps the dispatch time.
 */
export function DispatchCard({
  form,
  record,
  onDispatched,
  onError,
}: {
  form: FormDefinition;
  record: RecordDetail;
  onDispatched: () => void;
  onError: (e: unknown) => void;
}) {
  const api = useApi();
  const { user } = useAuth();
  const { t } = useI18n();
  const assignment = form.assignment!;
  const roles = form.schema.properties?.[assignment.field]?.['x-roles'] ?? [];
  const people = usePeople(api, roles);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const canDispatch = mayDispatch(form, user ?? null) && !record.final;

  const dispatch = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      await api.fieldwork.dispatch(record.id, picked, record.rev);
      setPicked('');
      onDispatched();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="staff-card" title={<h3 className="card-heading">{t('fieldwork.dispatch.title')}</h3>}>
      <Typography.Paragraph>
        {t('fieldwork.dispatch.assignee')}：
        <Typography.Text strong data-testid="assignee">
          {record.assignee ? personName(people, record.assignee) : t('fieldwork.dispatch.nobody')}
        </Typography.Text>
      </Typography.Paragraph>
      {canDispatch && (
        <Space wrap>
          <select
            aria-label={t('fieldwork.dispatch.pick')}
            className="native-select dispatch-select"
            value={picked}
            disabled={people === null}
            onChange={(e) => setPicked(e.target.value)}
          >
            <option value="">{t('fieldwork.pickPerson')}</option>
            {(people ?? []).map((p) => (
              <option key={p.username} value={p.username}>
                {p.displayName}
              </option>
            ))}
          </select>
          <Button type="primary" size="large" disabled={!picked} loading={busy} onClick={() => void dispatch()}>
            {record.assignee ? t('fieldwork.dispatch.reassign') : t('fieldwork.dispatch.do')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
