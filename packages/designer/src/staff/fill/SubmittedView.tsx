import { Link } from 'react-router';
import { Button, Card, Result, Space } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import type { RecordAnswer } from '../../api/workApi';
import { useI18n } from '../../i18n/I18nContext';
import { PolicyAnswer } from '../shared/PolicyAnswer';

/** After submit: the record is saved, and the policy's answer in plain words (its own chunk, loaded on submit). */
export function SubmittedView({ form, record, onAnother }: { form: FormDefinition; record: RecordAnswer; onAnother: () => void }) {
  const { t, text } = useI18n();
  return (
    <section aria-labelledby="submitted-title" className="staff-page staff-form-page">
      <Result
        status="success"
        title={<span id="submitted-title">{t('staff.submitted', { form: text(form.title) })}</span>}
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
