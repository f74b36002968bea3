import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Space } from 'antd';
import type { FormDefinition, RecordSchema } from '@aftersales/engine';
import type { RecordDetail } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../i18n/I18nContext';
import { usePeople } from '../../shared/people/usePeople';
import { actorName } from '../../shared/people/actorName';
import { formatDateTime } from '../../shared/format';
import { problemText } from '../../shared/problemText';
import { recordLabel } from '../shared/recordLabel';
import { loadFormVersion } from '../shared/useForms';
import { usePolicyText } from '../shared/usePolicyText';
import { RecordDataView } from './RecordDataView';
import { linkTitles, useRecordLinks } from './links/useRecordLinks';

/** The signature fields of a form, in its order: each gets a line to sign on paper, or the signature drawn on screen. */
export function signatureFields(form: FormDefinition): [string, RecordSchema][] {
  const properties = form.schema.properties ?? {};
  const order = (form.uiSchema?.['ui:order'] as string[] | undefined) ?? [];
  const names = [...order.filter((n) => n in properties), ...Object.keys(properties).filter((n) => !order.includes(n))];
  return names.map((n) => [n, properties[n]!] as [string, RecordSchema]).filter(([, s]) => s['x-kind'] === 'signature');
}

/**
 * The print layout of a record, made from its form: title, store, number, status, the filled fields,
 * and signature lines (with the signatures drawn on screen). The print stylesheet (`@media print` in
 * app.css) leaves out the menu, header and buttons and fits the page width.
 */
export function PrintRecordPage() {
  const { id = '' } = useParams();
  const api = useApi();
  const { t, text, locale } = useI18n();
  const [record, setRecord] = useState<RecordDetail | null | undefined>(undefined);
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const policy = usePolicyText(form ?? undefined);
  const people = usePeople(api);
  const links = useRecordLinks(id, null);

  useEffect(() => {
    let live = true;
    api.work
      .record(id)
      .then(async (r) => {
        const definition = await loadFormVersion(api, r.formId, r.formVersion);
        if (!live) return;
        setRecord(r);
        setForm(definition);
      })
      .catch((e: unknown) => live && (setRecord(null), setError(problemText(e, t, locale))));
    return () => {
      live = false;
    };
  }, [api, id, t, locale]);

  if (record === undefined) return <Loading />;
  if (record === null || !form) return <Alert type="error" showIcon title={error ?? t('common.notFound')} />;
  const signatures = signatureFields(form);
  const data = Object.fromEntries(Object.entries(record.data).filter(([k]) => !signatures.some(([n]) => n === k)));
  return (
    <article className="print-page" aria-labelledby="print-title">
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" size="large" onClick={() => window.print()}>
          {t('fieldwork.print.do')}
        </Button>
        <Link to={`/staff/records/${record.id}`}>{t('fieldwork.print.back')}</Link>
      </Space>
      <h1 id="print-title" className="print-title">
        {text(form.title)}
      </h1>
      <dl className="print-meta">
        <div>
          <dt>{t('fieldwork.print.number')}</dt>
          <dd>{recordLabel(form, record, locale, people)}</dd>
        </div>
        <div>
          <dt>{t('staff.store')}</dt>
          <dd>{record.storeName ?? record.store ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('staff.records.status')}</dt>
          <dd>{policy.status(record.status) || '–'}</dd>
        </div>
        <div>
          <dt>{t('staff.records.created')}</dt>
          <dd>
            {formatDateTime(record.createdAt, locale, policy.timeZone)} · {actorName(people, record.createdBy, locale)}
          </dd>
        </div>
      </dl>
      <RecordDataView
        schema={form.schema}
        data={data}
        order={form.uiSchema?.['ui:order'] as string[] | undefined}
        timeZone={policy.timeZone}
        links={linkTitles(links, (title) => title[locale] || title['zh-CN'])}
      />
      <section className="print-signatures" aria-label={t('fieldwork.print.signatures')}>
        {signatures.map(([name, schema]) => {
          const value = record.data[name];
          const label = text(schema['x-title']) || name;
          return (
            <div key={name} className="print-signature">
              <div className="print-signature-space">
                {typeof value === 'string' && value ? (
                  <img src={value} alt={t('fieldwork.signature.of', { field: label })} className="signature-image" />
                ) : null}
              </div>
              <div className="print-signature-line">{label}</div>
            </div>
          );
        })}
        <div className="print-signature">
          <div className="print-signature-space" />
          <div className="print-signature-line">{t('fieldwork.print.handledBy')}</div>
        </div>
      </section>
    </article>
  );
}
