import { useState } from 'react';
import { Button, Input, Modal, Typography } from 'antd';
import { useApi } from '../../app/ApiContext';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';
import { problemText } from '../../shared/problemText';

/** A manager withdraws a pending approval the policy no longer asks for, with a reason (kept in the history). */
export function WithdrawApproval({ id, onDone }: { id: string; onDone: () => void }) {
  const api = useApi();
  const { message } = useFeedback();
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.work.withdraw(id, reason.trim());
      void message.success(t('staff.approvals.withdrawnNow'));
      setOpen(false);
      setReason('');
      onDone();
    } catch (e) {
      setError(problemText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };
  const field = `withdraw-reason-${id}`;
  return (
    <>
      <Button size="large" onClick={() => setOpen(true)}>
        {t('staff.approvals.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('staff.approvals.withdrawTitle')}
        okText={t('staff.approvals.withdraw')}
        okButtonProps={{ disabled: !reason.trim() }}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{t('staff.approvals.withdrawHint')}</Typography.Paragraph>
        <label htmlFor={field}>{t('staff.approvals.withdrawReason')}</label>
        <Input.TextArea id={field} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {error}
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
