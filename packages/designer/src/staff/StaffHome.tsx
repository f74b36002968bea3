import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Card, List, Typography } from 'antd';
import type { DocumentSummary } from '../api/types';
import { useApi } from '../app/ApiContext';
import { useI18n } from '../i18n/I18nContext';

/** The forms staff can fill (published, not archived). */
export function StaffHome() {
  const api = useApi();
  const { t, text } = useI18n();
  const [forms, setForms] = useState<DocumentSummary[] | null>(null);
  useEffect(() => {
    api.forms
      .list()
      .then((list) => setForms(list.filter((f) => f.publishedVersion !== null && !f.archived)))
      .catch(() => setForms([]));
  }, [api]);
  return (
    <section aria-labelledby="staff-title">
      <Typography.Title id="staff-title" level={2}>
        {t('staff.newRecord')}
      </Typography.Title>
      <Card>
        <List
          loading={forms === null}
          dataSource={forms ?? []}
          renderItem={(f) => (
            <List.Item>
              <Link to={`/staff/forms/${f.id}/new`}>{text(f.title)}</Link>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
