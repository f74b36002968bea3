import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import {
  compareOutcomes,
  compilePolicy,
  type CalendarFile,
  type FormDefinition,
  type LocalizedText,
  type Problem,
  type RuleSetFile,
} from '@aftersales/engine';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { runTestCases, type TestCaseResult } from '../rules/testCases';
import { summarizeImpact, type ImpactSummary, type RecordImpact } from './impact';
import { describeDifferences } from './caseValues';

export interface PublishPanelProps {
  form: FormDefinition;
  draft: RuleSetFile;
  published: RuleSetFile | null;
  calendars: CalendarFile[];
  problems: Problem[];
  roleLabels: Record<string, LocalizedText>;
  onPublish: () => Promise<void>;
}

/** Before publishing: the engine's checks, every saved test case (a failure blocks), and what the draft changes on recent records. */
export function PublishPanel({ form, draft, published, calendars, problems, roleLabels, onPublish }: PublishPanelProps) {
  const api = useApi();
  const { t, text } = useI18n();
  const [results, setResults] = useState<TestCaseResult[] | null>(null);
  const [impact, setImpact] = useState<ImpactSummary | null>(null);
  const [checking, setChecking] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [impactError, setImpactError] = useState<string | null>(null);

  // Results belong to the draft they were run on: any edit makes them stale, and publishing waits for a new run.
  useEffect(() => {
    setResults(null);
    setImpact(null);
  }, [draft, form]);

  const check = async () => {
    setChecking(true);
    setImpactError(null);
    try {
      setResults(await runTestCases({ form, ruleSet: draft, calendars }));
      try {
        const records = await api.records.recent(form.id, 200);
        const now = new Date().toISOString();
        const after = compilePolicy({ form, formVersion: 0, ruleSets: [{ definition: draft, version: 0 }], calendars });
        const before = compilePolicy({
          form,
          formVersion: 0,
          ruleSets: published ? [{ definition: published, version: 0 }] : [],
          calendars,
        });
        const impacts: RecordImpact[] = [];
        for (const record of records) {
          const context = {
            now,
            ...(record.status ? { status: record.status } : {}),
          };
          const [b, a] = await Promise.all([before.evaluate(record.data, context), after.evaluate(record.data, context)]);
          impacts.push({ recordId: record.id, change: compareOutcomes(b.outcome, a.outcome) });
        }
        setImpact(summarizeImpact(impacts));
      } catch (e) {
        setImpactError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setChecking(false);
    }
  };

  const failing = results?.filter((r) => !r.passed) ?? [];
  const blocked = problems.length > 0 || results === null || failing.length > 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('publish.checks')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {problems.length > 0 ? (
            <Alert type="error" showIcon title={t('doc.problems', { count: problems.length })} />
          ) : (
            <Alert type="success" showIcon title={t('publish.noProblems')} />
          )}
          <Button onClick={() => void check()} loading={checking}>
            {t('publish.runChecks')}
          </Button>
          <div aria-live="polite">
            {results && (
              <List
                size="small"
                header={t('publish.testResults', { passed: results.length - failing.length, total: results.length })}
                dataSource={results}
                renderItem={(r) => (
                  <List.Item>
                    {r.passed ? <Tag color="green">{t('bench.pass')}</Tag> : <Tag color="red">{t('bench.fail')}</Tag>} {r.name}
                    {!r.passed && (
                      <Typography.Text type="danger">
                        {' '}
                        {r.error ??
                          (r.invalid ? `${t('bench.invalidRecord')}. ` : '') +
                            (r.missing.length > 0 || r.unexpected.length > 0 || r.differences.length === 0
                              ? t('publish.caseDiff', { missing: r.missing.join(', ') || '—', unexpected: r.unexpected.join(', ') || '—' })
                              : '')}
                        {describeDifferences(r.differences, roleLabels).map((line, i) => (
                          <span key={i} style={{ display: 'block' }}>
                            {text(line)}
                          </span>
                        ))}
                      </Typography.Text>
                    )}
                  </List.Item>
                )}
              />
            )}
          </div>
        </Space>
      </Card>
      <Card size="small" title={t('publish.impact')}>
        {impactError && <Alert type="warning" showIcon title={t('publish.impactUnavailable', { error: impactError })} />}
        {!impact && !impactError && <Typography.Text type="secondary">{t('publish.impactHint')}</Typography.Text>}
        {impact && (
          <>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
              <Descriptions.Item label={t('publish.changedRecords')}>{impact.changedRecords}</Descriptions.Item>
              <Descriptions.Item label={t('publish.finesAdded')}>{impact.finesAdded}</Descriptions.Item>
              <Descriptions.Item label={t('publish.finesRemoved')}>{impact.finesRemoved}</Descriptions.Item>
              <Descriptions.Item label={t('publish.fineDelta')}>{impact.fineDelta} ¥</Descriptions.Item>
              <Descriptions.Item label={t('publish.deadlinesMoved')}>{impact.deadlinesMoved}</Descriptions.Item>
              <Descriptions.Item label={t('publish.approvalsAdded')}>{impact.approvalsAdded}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="recordId"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={impact.records}
              columns={[
                { title: t('publish.record'), dataIndex: 'recordId' },
                {
                  title: t('publish.fines'),
                  render: (_, r) =>
                    [
                      ...r.change.finesAdded.map((f) => `+${f.amount} ${text(f.reason)}`),
                      ...r.change.finesRemoved.map((f) => `−${f.amount} ${text(f.reason)}`),
                    ].join('; '),
                },
                {
                  title: t('publish.deadlines'),
                  render: (_, r) =>
                    r.change.deadlinesMoved.map((d) => `${d.key}: ${formatDue(d.before.dueAt)} → ${formatDue(d.after.dueAt)}`).join('; '),
                },
                {
                  title: t('publish.approvals'),
                  render: (_, r) =>
                    r.change.approvalsAdded
                      .map((a) => `+${text(roleLabels[a.approver]) || a.approver}`)
                      .concat(r.change.approvalsRemoved.map((a) => `−${text(roleLabels[a.approver]) || a.approver}`))
                      .join(', '),
                },
              ]}
            />
          </>
        )}
      </Card>
      <div>
        <Button
          type="primary"
          size="large"
          disabled={blocked}
          loading={publishing}
          onClick={() => {
            setPublishing(true);
            void onPublish().finally(() => setPublishing(false));
          }}
        >
          {t('publish.publishNow')}
        </Button>
        {blocked && (
          <Typography.Text type="secondary" style={{ marginLeft: 12 }} role="status">
            {results === null
              ? t('publish.runFirst')
              : failing.length > 0
                ? t('publish.blockedByTests', { count: failing.length })
                : t('publish.blockedByProblems')}
          </Typography.Text>
        )}
      </div>
    </Space>
  );
}

const formatDue = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
