import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button } from 'antd';
import type { FormDefinition } from '@aftersales/engine';
import type { RecordAnswer } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useAuth } from '../../app/auth/AuthContext';
import { useI18n } from '../../i18n/I18nContext';
import { PublishedRecordForm } from '../shared/PublishedRecordForm';
import { formatDateTime } from '../../shared/format';
import { problemText } from '../../shared/problemText';
import { draftStore } from './drafts';
import { isEmptyData } from '../../shared/rjsf/isEmptyData';
import { Loading } from '../../app/Loading';
import { usePolicyText } from '../shared/usePolicyText';
import { useStoreNames } from '../../shared/useStoreNames';
import { preloadDatePicker } from '../../shared/dates/DateInput';

// The answer after submit has its own chunk: the form itself loads first and alone.
const SubmittedView = lazy(() => import('./SubmittedView').then((m) => ({ default: m.SubmittedView })));

const SAVE_DELAY_MS = 600;

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * A new record of a published form: rendered with RJSF and checked in the browser with the engine's
 * own validator; the draft is kept in this browser as the person types and resumed when the form
 * is opened again; after submit, the policy's answer in plain words.
 */
export function FillFormPage() {
  const { formId = '' } = useParams();
  const api = useApi();
  const { user } = useAuth();
  const { t, text, locale } = useI18n();
  const drafts = useMemo(() => draftStore(browserStorage(), user?.username ?? '', formId), [user, formId]);
  const [published, setPublished] = useState<{ definition: FormDefinition; version: number } | null | undefined>(undefined);
  const form = published?.definition;
  const [resumed] = useState(() => drafts.load());
  const [data, setData] = useState<unknown>(() => resumed?.data ?? {});
  const [savedAt, setSavedAt] = useState<string | null>(resumed?.savedAt ?? null);
  const [draftFailed, setDraftFailed] = useState(false);
  const [store, setStore] = useState<string | undefined>(user?.stores?.[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<RecordAnswer | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const policy = usePolicyText(form);
  const storeNames = useStoreNames();

  useEffect(() => {
    api.forms
      .get(formId)
      .then((d) => setPublished(d.archived || !d.published ? null : { definition: d.published.definition, version: d.published.version }))
      .catch(() => setPublished(null));
  }, [api, formId]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  // The form's date boxes: their calendar's code comes alongside the form, not after it.
  useEffect(preloadDatePicker, []);

  const change = (next: unknown) => {
    setData(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      // An empty form is not worth a draft.
      if (isEmptyData(next)) return;
      const at = new Date();
      const ok = drafts.save(next, at);
      setDraftFailed(!ok);
      if (ok) setSavedAt(at.toISOString());
    }, SAVE_DELAY_MS);
  };

  const discard = () => {
    if (timer.current) clearTimeout(timer.current);
    drafts.clear();
    setData({});
    setSavedAt(null);
  };

  const submit = async (record: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.work.create(formId, record, store);
      if (timer.current) clearTimeout(timer.current);
      drafts.clear();
      setSavedAt(null);
      setSubmitted(created);
    } catch (e) {
      setError(problemText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };

  if (published === undefined) return <Loading />;
  if (!published || !form) return <Alert type="error" showIcon title={t('common.notFound')} />;

  if (submitted)
    return (
      <Suspense fallback={<Loading />}>
        <SubmittedView
          form={form}
          record={submitted}
          onAnother={() => {
            setSubmitted(null);
            setData({});
          }}
        />
      </Suspense>
    );

  const stores = user?.stores ?? [];
  return (
    <section aria-labelledby="fill-title" className="staff-page staff-form-page">
      <h2 id="fill-title" className="page-title">
        {text(form.title)}
      </h2>
      {form.description && <p className="text-secondary">{text(form.description)}</p>}
      {resumed && savedAt === resumed.savedAt && (
        <Alert
          type="info"
          showIcon
          className="staff-alert"
          title={t('staff.draftResumed', { time: formatDateTime(resumed.savedAt, locale) })}
          action={
            <Button size="small" onClick={discard}>
              {t('staff.discardDraft')}
            </Button>
          }
        />
      )}
      <div className="staff-card panel">
        {stores.length > 1 && (
          <div className="store-picker">
            <label htmlFor="record-store">{t('staff.store')}</label>
            <select id="record-store" className="native-select" value={store} onChange={(e) => setStore(e.target.value)}>
              {stores.map((s) => (
                <option key={s} value={s}>
                  {storeNames.nameOf(s)}
                </option>
              ))}
            </select>
          </div>
        )}
        <PublishedRecordForm
          formId={formId}
          version={published.version}
          hideTitle
          form={form}
          formData={data}
          onChange={change}
          onSubmit={(record) => void submit(record)}
          context={{ api }}
          idPrefix="record"
          // A new record starts at the flow's first status: that step's sections open, the later ones folded (an older job entered whole opens them).
          status={form.statusFlow?.initial}
          // A resumed draft's sections with values open, so what was typed is in sight.
          openFilled
          timeZone={policy.timeZone}
        >
          {error && <Alert type="error" showIcon role="alert" className="staff-alert" title={t('staff.refused')} description={error} />}
          <div className="form-actions">
            <Button type="primary" htmlType="submit" size="large" loading={busy}>
              {t('staff.submit')}
            </Button>
            <span className="draft-state" aria-live="polite">
              {draftFailed ? t('staff.draftNotKept') : savedAt ? t('staff.draftSaved', { time: formatDateTime(savedAt, locale) }) : ''}
            </span>
          </div>
        </PublishedRecordForm>
      </div>
    </section>
  );
}
