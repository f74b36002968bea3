import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Spin, Typography } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import { useApi } from '../app/ApiContext';
import { useI18n } from '../i18n/I18nContext';
import { RecordForm } from '../shared/rjsf/RecordForm';

/** A new record of a published form, rendered exactly as the designer's preview shows it. POST /records { form, data }. */
export function FillFormPage() {
  const { formId = '' } = useParams();
  const api = useApi();
  const { t, text } = useI18n();
  const { message } = App.useApp();
  const [form, setForm] = useState<FormDefinition | null | undefined>(undefined);
  const [data, setData] = useState<unknown>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.forms
      .get(formId)
      .then((d) => setForm(d.published?.definition ?? null))
      .catch(() => setForm(null));
  }, [api, formId]);

  if (form === undefined) return <Spin />;
  if (form === null) return <Alert type="error" showIcon title={t('common.notFound')} />;

  const submit = async (record: unknown) => {
    setBusy(true);
    try {
      await api.client.post('/records', { form: formId, data: record });
      void message.success(t('staff.recordSaved'));
      setData({});
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="fill-title">
      <Typography.Title id="fill-title" level={2}>
        {text(form.title)}
      </Typography.Title>
      <Card style={{ maxWidth: 760 }}>
        <RecordForm
          hideTitle
          form={form}
          formData={data}
          onChange={setData}
          onSubmit={(record) => void submit(record)}
          context={{ api }}
          idPrefix="record"
        >
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('staff.submit')}
          </Button>
        </RecordForm>
      </Card>
    </section>
  );
}
