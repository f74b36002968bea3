import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, List, Tag, Typography } from 'antd';
import type { RecordListItem } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { Loading } from '../../app/Loading';
import { DeadlineChips } from '../shared/DeadlineChips';
import { problemText } from '../../shared/problemText';
import { recordLabel } from '../shared/recordLabel';
import { usePeople } from '../../shared/people/usePeople';
import { useForms } from '../shared/useForms';
import { usePolicyText } from '../shared/usePolicyText';

/**
 * 我的工单: the records dispatched to me that are not finished, the most urgent first (overdue, then
 * the soonest due), each with its status and deadline chips; one tap opens the record. Laid out as
 * a list of cards so that it reads on a 390 px phone.
 */
export function MyJobsPage() {
  const api = useApi();
  const people = usePeople(api);
  const { t, text, locale } = useI18n();
  const forms = useForms();
  const policy = usePolicyText();
  const [jobs, setJobs] = useState<{ items: RecordListItem[]; nextCursor: string | null; now: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let live = true;
    api.fieldwork.myJobs().then(
      (r) => live && setJobs(r),
      (e: unknown) =>
        live && (setError(problemText(e, t, locale)), setJobs({ items: [], nextCursor: null, now: new Date().toISOString() })),
    );
    return () => {
      live = false;
    };
  }, [api, t, locale]);

  /** The next page of jobs after the last one shown. */
  const more = async () => {
    if (!jobs?.nextCursor) return;
    setLoadingMore(true);
    try {
      const r = await api.fieldwork.myJobs(jobs.nextCursor);
      setJobs((j) => (j ? { ...r, items: [...j.items, ...r.items] } : r));
    } catch (e) {
      setError(problemText(e, t, locale));
    } finally {
      setLoadingMore(false);
    }
  };

  const statusOf = (r: RecordListItem) => text(forms?.byId[r.formId]?.statusFlow?.states.find((s) => s.id === r.status)?.label);
  return (
    <section aria-labelledby="jobs-title" className="staff-page">
      <Typography.Title id="jobs-title" level={2}>
        {t('fieldwork.jobs.title')}
      </Typography.Title>
      {error && <Alert type="error" showIcon role="alert" title={error} className="staff-alert" />}
      {jobs === null || forms === null ? (
        <Loading />
      ) : (
        <List
          aria-label={t('fieldwork.jobs.title')}
          dataSource={jobs.items}
          locale={{ emptyText: t('fieldwork.jobs.none') }}
          renderItem={(r) => (
            <List.Item className="job-item">
              <Card className="staff-card job-card" size="small">
                <Link to={`/staff/records/${r.id}`} className="touch-link job-link">
                  {recordLabel(forms.byId[r.formId], r, locale, people)}
                </Link>
                <div className="job-meta">
                  <Typography.Text type="secondary">{text(forms.byId[r.formId]?.title)}</Typography.Text>
                  {r.status && <Tag>{statusOf(r) || '–'}</Tag>}
                </div>
                <DeadlineChips rows={r.deadlines} now={jobs.now} timeZone={policy.timeZone} />
              </Card>
            </List.Item>
          )}
        />
      )}
      {jobs?.nextCursor && (
        <Button block size="large" style={{ marginTop: 12 }} onClick={() => void more()} loading={loadingMore}>
          {t('list.more')}
        </Button>
      )}
    </section>
  );
}
