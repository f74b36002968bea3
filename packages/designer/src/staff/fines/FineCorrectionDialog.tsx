import { useState } from 'react';
import { Alert, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { FineEntry } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { formatMoney } from '../../shared/format';
import { problemText } from '../../shared/problemText';

/** A manager waives a posted fine or corrects its amount, with a reason; the ledger keeps the original. */
export function FineCorrectionDialog({ fine, onClose, onSaved }: { fine: FineEntry; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const [mode, setMode] = useState<'waive' | 'correct'>('waive');
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (reason.trim() === '') return setError(t('staff.fines.correctReasonRequired'));
    if (mode === 'correct' && amount === null) return setError(t('staff.fines.correctAmountRequired'));
    setSaving(true);
    try {
      await api.work.correctFine(fine.id, reason.trim(), mode === 'correct' ? (amount ?? undefined) : undefined);
      onSaved();
    } catch (e) {
      setError(problemText(e, t, locale));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('staff.fines.correctTitle')}
      okText={t('staff.fines.correctSubmit')}
      onOk={() => void save()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          {/* Who pays by the name people read, never the user name the ledger keys them by. */}
          {fine.personName ?? t('staff.fines.unnamed')} · {formatMoney(fine.amount, locale)} · {text(fine.reason)}
        </Typography.Paragraph>
        <Radio.Group
          aria-label={t('staff.fines.correctWhat')}
          value={mode}
          onChange={(e) => setMode(e.target.value as 'waive' | 'correct')}
        >
          <Radio value="waive">{t('staff.fines.waive')}</Radio>
          <Radio value="correct">{t('staff.fines.correctTo')}</Radio>
        </Radio.Group>
        {mode === 'correct' && (
          <label>
            {t('staff.fines.newAmount')}
            <InputNumber
              min={0}
              max={1_000_000}
              step={1}
              precision={2}
              value={amount}
              onChange={(v) => setAmount(v)}
              style={{ width: '100%' }}
            />
          </label>
        )}
        <label>
          {t('staff.fines.correctReason')}
          <Input.TextArea maxLength={500} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <Typography.Text type="secondary">{t('staff.fines.appendOnly')}</Typography.Text>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Space>
    </Modal>
  );
}
