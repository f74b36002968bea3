import { Link } from 'react-router';
import { Button, Card, Result, Space } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import type { RecordAnswer } from '../../api/workApi';
import { useI18n } from '../../i18n/I18nContext';
import { PolicyAnswer } from '../shared/PolicyAnswer';
import { usePolicyText } from '../shared/usePolicyText';

/** After submit: the record is saved, and the policy's answer in plain words (its own chunk, loaded on submit). */
export function SubmittedView({ form, record, onAnother }: { form: FormDefinition; record: RecordAnswer; onAnother: () => void }) {
  const { t, text, locale } = useI18n();
  const policy = usePolicyText(form);
  // Where the record stands in its flow, and where it goes next (a requisition is saved as 草稿 and submitted from the record).
  const status = record.status === null ? '' : policy.status(record.status);
  const next = record.transitions.map((move) => `“${policy.status(move.to)}”`).join(locale === 'zh-CN' ? '、' : ', ');
  const where = status && (next ? t('staff.submittedStatusNext', { status, next }) : t('staff.submittedStatus', { status }));
  return (
    <section aria-labelledby="submitted-title" className="staff-page staff-form-page">
      <Result
        status="success"
        title={<span id="submitted-title">{t('staff.submitted', { form: text(form.title) })}</span>}
        subTitle={where || undefined}
        extra={
          <Space wrap>
            <Link to={`/staff/records/${record.id}`}>
              <Button type="primary" size="large">
                {t('staff.openRecord')}
              </Button>
            </Link>
            <Button size="large" onClick={onAnother}>
              {t('staff.fillAnother')}
            </Button>
          </Space>
        }
      />
      <Card className="staff-card" title={<h3 className="card-heading">{t('staff.policyAnswer')}</h3>}>
        <PolicyAnswer evaluation={record.evaluation} recordId={record.id} form={form} idPrefix="submitted" approvals={record.approvals} />
      </Card>
    </section>
  );
}
