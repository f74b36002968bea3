import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, List, Progress, Row, Segmented, Space, Typography } from 'antd';
import type { LocalizedText } from '@aftersales/engine';
import { ApiError } from '../../api/ApiError';
import { runImpact, type ImpactAnswer, type ImpactCounts, type ImpactDraft, type ImpactProgress } from '../../api/impactApi';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { EChart } from '../../shared/EChart';
import { formatDateTime, STORE_ZONE } from '../../shared/format';
import { describeImpactRecord } from './describeImpactRecord';
import { useStoreNames } from '../../shared/useStoreNames';
import { personName, usePeople } from '../../shared/people/usePeople';
import { barHeight, impactBarDescription, impactBarOption } from './impactCharts';

export interface HistoryImpactPanelProps {
  /** The draft to replay (the editor's current one). */
  draft: ImpactDraft;
  /** Policy role labels (approvers, fine payers). */
  roleLabels?: Record<string, LocalizedText>;
  /** The zone records' times are shown in. */
  timeZone?: string;
}

type Window = '90d' | '365d' | 'all';

/** The most changed people, stores and rules a chart shows. */
const TOP = 15;

/**
 * What publishing the draft would have done to the stored records of a period, replayed on the
 * server (POST /impact): progress with cancel, totals, charts by person, store, month and rule,
 * and the changed records by title with their changes in words, each a link to the record.
 */
export function HistoryImpactPanel({ draft, roleLabels = {}, timeZone = STORE_ZONE }: HistoryImpactPanelProps) {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const stores = useStoreNames();
  const people = usePeople(api);
  const [since, setSince] = useState<Window>('90d');
  const [progress, setProgress] = useState<ImpactProgress | null>(null);
  const [answer, setAnswer] = useState<ImpactAnswer | null>(null);
  const [note, setNote] = useState<{ type: 'info' | 'error'; text: string } | null>(null);
  const running = useRef<AbortController | null>(null);

  // A result belongs to the draft and period it was computed for.
  useEffect(() => {
    running.current?.abort();
    setAnswer(null);
    setProgress(null);
  }, [draft, since]);
  useEffect(() => () => running.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    running.current = controller;
    setAnswer(null);
    setNote(null);
    setProgress({ checked: 0, total: 0 });
    try {
      setAnswer(await runImpact(api.client, { draft, since }, { signal: controller.signal, onProgress: setProgress }));
    } catch (error) {
      if (controller.signal.aborted) setNote({ type: 'info', text: t('impact.cancelled') });
      else
        setNote({
          type: 'error',
          text: t('impact.failed', {
            error: error instanceof ApiError ? error.messageIn(locale) : error instanceof Error ? error.message : String(error),
          }),
        });
    } finally {
      if (running.current === controller) running.current = null;
      setProgress(null);
    }
  };

  const role = (id: string) => text(roleLabels[id]) || t('impact.someone');
  // The app's one date-time format (2026-12-08 15:05), in the stores' zone.
  const time = (iso: string) => formatDateTime(iso, locale, timeZone);
  const monthLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short' });
    return (month: string) => format.format(new Date(`${month}-15T00:00:00Z`));
  }, [locale]);
  const names = { records: t('impact.seriesRecords'), late: t('impact.seriesLate'), onTime: t('impact.seriesOnTime') };
  const amount = (value: number, count: number) => t('impact.amount', { amount: value.toLocaleString(locale), count });

  // People, stores and rules: the most changed first, at most TOP of them (the chart says so when there are more).
  const top = <T,>(title: string, all: readonly T[], slice: (item: T) => { label: string; counts: ImpactCounts }) => ({
    title,
    slices: all.slice(0, TOP).map(slice),
    of: all.length,
  });
  const charts = answer
    ? [
        top(t('impact.byPerson'), answer.byPerson, (p) => {
          // A person field holds a user name (or a name typed before the store had accounts): read by display name.
          const name = personName(people, p.person);
          return {
            label: p.roleLabel ? (locale === 'en' ? `${name} (${text(p.roleLabel)})` : `${name}（${text(p.roleLabel)}）`) : name,
            counts: p,
          };
        }),
        top(t('impact.byStore'), answer.byStore, (s) => ({
          label: s.store === null ? t('impact.noStore') : stores.nameOf(s.store),
          counts: s,
        })),
        {
          title: t('impact.byMonth'),
          slices: answer.byMonth.map((m) => ({ label: monthLabel(m.month), counts: m })),
          of: answer.byMonth.length,
        },
        top(t('impact.byRule'), answer.byRule, (r) => ({ label: text(r.title), counts: r })),
      ].filter((c) => c.slices.length > 0)
    : [];

  return (
    <Card size="small" title={t('impact.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('impact.hint')}</Typography.Text>
        <Space wrap>
          <span>{t('impact.window')}</span>
          <Segmented
            value={since}
            onChange={(value) => setSince(value as Window)}
            options={[
              { value: '90d', label: t('impact.window90') },
              { value: '365d', label: t('impact.window365') },
              { value: 'all', label: t('impact.windowAll') },
            ]}
          />
          <Button type="primary" ghost onClick={() => void run()} loading={progress !== null} data-testid="impact-run">
            {t('impact.run')}
          </Button>
        </Space>
        {progress && (
          <Space style={{ width: '100%' }} wrap role="status">
            <Progress
              percent={progress.total > 0 ? Math.floor((progress.checked / progress.total) * 100) : 0}
              style={{ minWidth: 200, width: 360, maxWidth: '100%' }}
            />
            <Typography.Text>
              {t('impact.progress', { checked: progress.checked.toLocaleString(locale), total: progress.total.toLocaleString(locale) })}
            </Typography.Text>
            <Button onClick={() => running.current?.abort()}>{t('impact.cancel')}</Button>
          </Space>
        )}
        {note && <Alert type={note.type} showIcon title={note.text} />}
        {answer && (
          <div aria-live="polite" data-testid="impact-answer">
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
              <Descriptions.Item label={t('impact.checked')}>{answer.checked.toLocaleString(locale)}</Descriptions.Item>
              <Descriptions.Item label={t('impact.changed')}>{answer.changed.toLocaleString(locale)}</Descriptions.Item>
              <Descriptions.Item label={t('impact.becameLate')}>{answer.totals.becameLate.toLocaleString(locale)}</Descriptions.Item>
              <Descriptions.Item label={t('impact.becameOnTime')}>{answer.totals.becameOnTime.toLocaleString(locale)}</Descriptions.Item>
              <Descriptions.Item label={t('impact.finesAdded')}>
                {amount(answer.totals.finesAddedAmount, answer.totals.finesAdded)}
              </Descriptions.Item>
              <Descriptions.Item label={t('impact.finesRemoved')}>
                {amount(answer.totals.finesRemovedAmount, answer.totals.finesRemoved)}
              </Descriptions.Item>
              <Descriptions.Item label={t('impact.approvalsAdded')}>
                {answer.totals.approvalsAdded.toLocaleString(locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('impact.blocksAdded')}>{answer.totals.blocksAdded.toLocaleString(locale)}</Descriptions.Item>
            </Descriptions>
            {answer.changed === 0 ? (
              <Typography.Paragraph>{t('impact.none')}</Typography.Paragraph>
            ) : (
              <>
                <Row gutter={[16, 16]}>
                  {charts.map((chart) => (
                    <Col key={chart.title} xs={24} lg={12}>
                      <Typography.Title level={5}>{chart.title}</Typography.Title>
                      {chart.of > chart.slices.length && (
                        <Typography.Text type="secondary">
                          {t('impact.topOf', { shown: chart.slices.length, total: chart.of })}
                        </Typography.Text>
                      )}
                      <EChart
                        option={impactBarOption(chart.slices, names)}
                        description={impactBarDescription(chart.title, chart.slices, names, locale, (count) => t('chart.more', { count }))}
                        height={barHeight(chart.slices.length)}
                      />
                    </Col>
                  ))}
                </Row>
                <List
                  size="small"
                  header={t('impact.records', { count: answer.records.length, total: answer.changed.toLocaleString(locale) })}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
                  dataSource={answer.records}
                  renderItem={(record) => (
                    <List.Item>
                      <Space direction="vertical" size={0}>
                        <Link to={`/staff/records/${record.id}`} target="_blank" rel="noreferrer">
                          {text(record.title)}
                        </Link>
                        {describeImpactRecord(record, { t, text, time, role, person: (username) => personName(people, username) }).map(
                          (line, i) => (
                            <Typography.Text key={i} type="secondary">
                              {line}
                            </Typography.Text>
                          ),
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              </>
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}
