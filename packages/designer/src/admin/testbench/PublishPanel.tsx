import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import type { CalendarFile, FormDefinition, LocalizedText, Problem, RuleSetFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { HistoryImpactPanel } from '../impact/HistoryImpactPanel';
import { runTestCases, type TestCaseResult } from '../rules/testCases';
import { describeDifferences } from './caseValues';
import { useRuleTitles } from './useRuleTitles';

export interface PublishPanelProps {
  form: FormDefinition;
  draft: RuleSetFile;
  published: RuleSetFile | null;
  calendars: CalendarFile[];
  problems: Problem[];
  roleLabels: Record<string, LocalizedText>;
  onPublish: () => Promise<void>;
}

/**
 * Before publishing: the engine's checks, every saved test case (a failure blocks), and what the
 * draft would have done to the stored records of a period (replayed on the server).
 */
export function PublishPanel({ form, draft, calendars, problems, roleLabels, onPublish }: PublishPanelProps) {
  const { t, text } = useI18n();
  const ruleTitles = useRuleTitles(draft);
  const [results, setResults] = useState<TestCaseResult[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const impactDraft = useMemo(() => ({ kind: 'ruleset' as const, id: draft.id, definition: draft }), [draft]);

  // Results belong to the draft they were run on: any edit makes them stale, and publishing waits for a new run.
  useEffect(() => {
    setResults(null);
  }, [draft, form]);

  const check = async () => {
    setChecking(true);
    try {
      setResults(await runTestCases({ form, ruleSet: draft, calendars }));
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
                    {r.passed ? <Tag color="green">{t('bench.pass')}</Tag> : <Tag color="red">{t('bench.fail')}</Tag>} {text(r.name)}
                    {!r.passed && (
                      <Typography.Text type="danger">
                        {' '}
                        {r.error ??
                          (r.invalid ? `${t('bench.invalidRecord')}. ` : '') +
                            (r.missing.length > 0 || r.unexpected.length > 0 || r.differences.length === 0
                              ? t('publish.caseDiff', {
                                  missing: ruleTitles(r.missing),
                                  unexpected: ruleTitles(r.unexpected),
                                })
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
      <HistoryImpactPanel draft={impactDraft} roleLabels={roleLabels} />
      <div>
        <Button
          type="primary"
          size="large"
          disabled={blocked}
          loading={publishing}
          // Named by its words alone: antd can leave its spinner in the button's content after loading ends.
          aria-label={t('publish.publishNow')}
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
