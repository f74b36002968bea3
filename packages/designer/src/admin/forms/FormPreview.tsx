import { useState } from 'react';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { RecordForm } from '../../shared/rjsf/RecordForm';
import { liveValidatorFor } from '../shared/liveValidator';
import { ErrorBoundary } from '../../shared/ErrorBoundary';

/** The form exactly as staff will see it (the staff area's own renderer), at desk or phone width; try it out. */
export function FormPreview({ form }: { form: FormDefinition }) {
  const { t } = useI18n();
  const [width, setWidth] = useState<'desk' | 'phone'>('desk');
  const [data, setData] = useState<unknown>({});
  return (
    <Card
      size="small"
      title={t('preview.title')}
      extra={
        <Space>
          <Segmented<'desk' | 'phone'>
            aria-label={t('preview.width')}
            size="small"
            value={width}
            onChange={setWidth}
            options={[
              { value: 'desk', label: t('preview.desk') },
              { value: 'phone', label: t('preview.phone') },
            ]}
          />
          <Button size="small" onClick={() => setData({})}>
            {t('preview.clear')}
          </Button>
        </Space>
      }
    >
      <div className={`preview-frame ${width}`} data-testid="form-preview">
        <ErrorBoundary
          fallback={(e) => <Typography.Text type="danger">{t('preview.cannotRender', { error: e.message })}</Typography.Text>}
          resetKey={form}
        >
          <RecordForm
            form={form}
            validatorFor={liveValidatorFor}
            formData={data}
            onChange={setData}
            liveValidate={false}
            idPrefix="preview"
            onSubmit={() => undefined}
          >
            <Button type="primary" htmlType="submit">
              {t('preview.check')}
            </Button>
          </RecordForm>
        </ErrorBoundary>
      </div>
    </Card>
  );
}
