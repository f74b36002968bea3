import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import {
  caseName,
  tableRows,
  type CalendarFile,
  type Evaluation,
  type FormDefinition,
  type LocalizedText,
  type RuleSetFile,
  type RuleTestCase,
} from '@aftersales/engine';
import type { RecordSummary } from '../../api/types';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { RecordForm } from '../../shared/rjsf/RecordForm';
import { liveValidatorFor } from '../shared/liveValidator';
import { evaluateDraft, runTestCases, type TestCaseResult } from '../rules/testCases';
import { ExplanationView } from '../../shared/outcome/ExplanationView';
import { OutcomeView } from '../../shared/outcome/OutcomeView';
import { useFeedback } from '../../app/Feedback';
import { BenchRulesAndBreaches } from './BenchRulesAndBreaches';
import { describeDifferences, describeExpected, expectFromChoices, valueChoices } from './caseValues';
import { LocalizedInput } from '../shared/LocalizedInput';
import { RuleNameList } from './RuleNameList';
import { useRuleTitles } from './useRuleTitles';
import { ruleSetZone } from '../shared/ruleSetZone';

const NO_NAME: LocalizedText = { 'zh-CN': '', en: '' };

export interface TestBenchProps {
  form: FormDefinition;
  ruleSet: RuleSetFile;
  calendars: CalendarFile[];
  roleLabels: Record<string, LocalizedText>;
  onSaveCase: (test: RuleTestCase) => void;
  onRemoveCase: (index: number) => void;
}

/** Fill a sample record (the real form) or pick a recent one, set the time, run the draft rules, read why. */
export function TestBench({ form, ruleSet, calendars, roleLabels, onSaveCase, onRemoveCase }: TestBenchProps) {
  const api = useApi();
  const { t, text, locale } = useI18n();
  // The only calendar in the app (staff forms use the browser's date inputs): its month and day names.
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  const { message } = useFeedback();
  const [record, setRecord] = useState<unknown>({});
  const [recent, setRecent] = useState<RecordSummary[]>([]);
  const [now, setNow] = useState<Dayjs>(() => dayjs());
  const [status, setStatus] = useState<string | undefined>(form.statusFlow?.initial);
  const [history, setHistory] = useState<Record<string, number>>({});
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState<LocalizedText>(NO_NAME);
  const [exact, setExact] = useState(false);
  const [results, setResults] = useState<TestCaseResult[] | null>(null);
  // A run's results belong to the cases it ran (read by position): a case saved or removed makes them stale.
  useEffect(() => setResults(null), [ruleSet.tests]);
  const current = useMemo(
    () => (evaluation ? valueChoices(evaluation, ruleSet, calendars, roleLabels) : null),
    [evaluation, ruleSet, calendars, roleLabels],
  );
  // Every value the evaluation shows is ticked at first: "save" then asserts all of them.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setTicked(new Set(current?.choices.map((c) => c.id))), [current]);

  useEffect(() => {
    api.records
      .recent(form.id, 20)
      .then(setRecent)
      .catch(() => setRecent([]));
  }, [api, form.id]);

  const historyFacts = Object.entries(ruleSet.facts ?? {}).filter(([, f]) => f.kind === 'history');
  const rows = useMemo(() => tableRows(ruleSet), [ruleSet]);
  const ruleTitles = useRuleTitles(ruleSet);
  const statusLabels = useMemo(() => Object.fromEntries((form.statusFlow?.states ?? []).map((s) => [s.id, s.label])), [form]);
  const timeZone = ruleSetZone(ruleSet, calendars);

  const run = async (
    input: { record: unknown; now: Dayjs; status: string | undefined; history: Record<string, number> } = { record, now, status, history },
  ) => {
    setError(null);
    try {
      setEvaluation(
        await evaluateDraft({ form, ruleSet, calendars }, input.record, {
          now: input.now.toISOString(),
          ...(input.status ? { status: input.status } : {}),
          history: input.history,
        }),
      );
    } catch (e) {
      setEvaluation(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  /** Loads a saved case into the bench (record, time, status, history, name) and runs it. */
  const openCase = (test: RuleTestCase) => {
    const input = {
      record: structuredClone(test.record),
      now: dayjs(test.now),
      status: test.status ?? form.statusFlow?.initial,
      // The bench asks for history figures; linked values come from the saved case only.
      history: Object.fromEntries(Object.entries(test.history ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number')),
    };
    setRecord(input.record);
    setNow(input.now);
    setStatus(input.status);
    setHistory(input.history);
    setNewName(caseName(test.name));
    setExact(test.exact === true);
    void run(input).then(() => message.success(t('bench.caseOpened', { name: text(caseName(test.name)) })));
  };

  // Named in both languages, as the pack's other texts: one left empty takes the other's name.
  const zh = newName['zh-CN'].trim();
  const en = newName.en.trim();
  const saveCase = () => {
    if (!evaluation || (!zh && !en)) return;
    const expect = current ? expectFromChoices(current.values, ticked) : undefined;
    onSaveCase({
      name: { 'zh-CN': zh || en, en: en || zh },
      record: record as Record<string, unknown>,
      now: now.toISOString(),
      ...(status ? { status } : {}),
      ...(Object.keys(history).length > 0 ? { history } : {}),
      expectFired: evaluation.explanation.filter((r) => r.fired).map((r) => r.rule),
      ...(exact ? { exact: true } : {}),
      ...(expect ? { expect } : {}),
    });
    setNewName(NO_NAME);
    void message.success(t('bench.caseSaved'));
  };

  return (
    <div className="designer-grid bench-grid">
      <Card size="small" title={t('bench.sample')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            aria-label={t('bench.pickRecent')}
            placeholder={t('bench.pickRecent')}
            style={{ width: '100%' }}
            allowClear
            disabled={recent.length === 0}
            onChange={(id?: string) => {
              const picked = recent.find((r) => r.id === id);
              if (picked) {
                setRecord(picked.data);
                if (picked.status) setStatus(picked.status);
              }
            }}
            options={recent.map((r) => ({
              value: r.id,
              label: `${r.id}${r.createdAt ? ` · ${new Date(r.createdAt).toLocaleString()}` : ''}`,
            }))}
          />
          <Space wrap>
            <label htmlFor="bench-now">{t('bench.now')}</label>
            <DatePicker id="bench-now" showTime value={now} onChange={(v) => v && setNow(v)} allowClear={false} />
            {form.statusFlow && (
              <>
                <label htmlFor="bench-status">{t('bench.status')}</label>
                <Select
                  id="bench-status"
                  style={{ width: 140 }}
                  value={status}
                  onChange={setStatus}
                  options={form.statusFlow.states.map((s) => ({ value: s.id, label: text(s.label) }))}
                />
              </>
            )}
          </Space>
          {historyFacts.map(([name, fact]) => (
            <Space key={name}>
              <label htmlFor={`bench-history-${name}`}>{text(fact.label)}</label>
              <InputNumber
                id={`bench-history-${name}`}
                value={history[name] ?? null}
                onChange={(v) => setHistory({ ...history, [name]: v ?? 0 })}
              />
            </Space>
          ))}
          <RecordForm form={form} validatorFor={liveValidatorFor} formData={record} onChange={setRecord} idPrefix="bench">
            <span />
          </RecordForm>
          <Button type="primary" onClick={() => void run()} block>
            {t('bench.run')}
          </Button>
        </Space>
      </Card>
      <div aria-live="polite">
        {error && <Alert type="error" role="alert" showIcon title={error} />}
        {evaluation && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {!evaluation.valid && (
              <Alert
                type="warning"
                role="alert"
                showIcon
                title={t('bench.invalidRecord')}
                description={evaluation.errors.map((e) => `${e.pointer || '/'}: ${text(e.message)}`).join('; ')}
              />
            )}
            <Card size="small" title={t('bench.outcome')}>
              <OutcomeView evaluation={evaluation} roleLabels={roleLabels} statusLabels={statusLabels} timeZone={timeZone} />
            </Card>
            <BenchRulesAndBreaches evaluation={evaluation} form={form} ruleSet={ruleSet} roleLabels={roleLabels} timeZone={timeZone} />
            <Card size="small" title={t('bench.explanation')}>
              <ExplanationView explanation={evaluation.explanation} rowOf={(_, rule) => rows.get(rule)} timeZone={timeZone} />
            </Card>
            <Card size="small" title={t('bench.saveCase')}>
              {current && (
                <fieldset className="bench-values" style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
                  <legend style={{ fontSize: 14, marginBottom: 4 }}>{t('bench.values')}</legend>
                  <Space direction="vertical" size={2}>
                    {current.choices.map((choice) => (
                      <Checkbox
                        key={choice.id}
                        checked={ticked.has(choice.id)}
                        onChange={(e) => {
                          const next = new Set(ticked);
                          if (e.target.checked) next.add(choice.id);
                          else next.delete(choice.id);
                          setTicked(next);
                        }}
                      >
                        {text(choice.label)}
                        {locale === 'zh-CN' ? '：' : ': '}
                        <strong>{text(choice.shown)}</strong>
                      </Checkbox>
                    ))}
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                    {t('bench.valuesExplain')}
                  </Typography.Paragraph>
                </fieldset>
              )}
              <Space direction="vertical" style={{ width: '100%' }}>
                <label htmlFor="bench-case-name">{t('bench.caseName')}</label>
                <LocalizedInput id="bench-case-name" label={t('bench.caseName')} value={newName} onChange={setNewName} />
                <Space wrap>
                  <Checkbox checked={exact} onChange={(e) => setExact(e.target.checked)}>
                    {t('bench.exact')}
                  </Checkbox>
                  <Button onClick={saveCase} disabled={!zh && !en}>
                    {t('bench.saveCaseButton')}
                  </Button>
                </Space>
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('bench.saveCaseExplain', {
                  rules:
                    evaluation.explanation
                      .filter((r) => r.fired)
                      .map((r) => text(r.title))
                      .join(locale === 'zh-CN' ? '、' : ', ') || '—',
                })}
              </Typography.Paragraph>
            </Card>
          </Space>
        )}
        <Card size="small" title={t('bench.savedCases', { count: ruleSet.tests?.length ?? 0 })} style={{ marginTop: 12 }}>
          <Button size="small" onClick={() => void runTestCases({ form, ruleSet, calendars }).then(setResults)} style={{ marginBottom: 8 }}>
            {t('bench.runAll')}
          </Button>
          <Table<RuleTestCase & { index: number }>
            size="small"
            rowKey="index"
            pagination={false}
            // Its own scroll box on a phone, rather than a column a few characters wide.
            scroll={{ x: 560 }}
            dataSource={(ruleSet.tests ?? []).map((c, index) => ({ ...c, index }))}
            columns={[
              { title: t('bench.caseName'), key: 'name', render: (_, c) => text(caseName(c.name)) },
              {
                title: t('bench.expectFired'),
                key: 'expectFired',
                render: (_, c) => <RuleNameList names={c.expectFired} ruleSet={ruleSet} />,
              },
              {
                title: t('bench.expectedValues'),
                render: (_, c) => {
                  const lines = describeExpected(c.expect, ruleSet, roleLabels);
                  return lines.length === 0 ? '—' : lines.map((line, i) => <div key={i}>{text(line)}</div>);
                },
              },
              {
                title: t('bench.result'),
                render: (_, c) => {
                  // runRuleTests answers in the order of the cases.
                  const r = results?.[c.index];
                  if (!r) return '';
                  if (r.passed) return <Tag color="green">{t('bench.pass')}</Tag>;
                  return (
                    <>
                      <Tag color="red">{t('bench.fail')}</Tag>
                      {(r.missing.length > 0 || r.unexpected.length > 0) && (
                        <Typography.Text type="danger" style={{ display: 'block' }}>
                          {t('publish.caseDiff', { missing: ruleTitles(r.missing), unexpected: ruleTitles(r.unexpected) })}
                        </Typography.Text>
                      )}
                      {describeDifferences(r.differences, roleLabels).map((line, i) => (
                        <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
                          {text(line)}
                        </Typography.Text>
                      ))}
                    </>
                  );
                },
              },
              {
                title: '',
                render: (_, c) => (
                  <Button size="small" onClick={() => openCase(c)} aria-label={t('bench.openCase', { name: text(caseName(c.name)) })}>
                    {t('bench.open')}
                  </Button>
                ),
              },
              {
                title: '',
                render: (_, c) => (
                  <Button
                    size="small"
                    danger
                    type="text"
                    onClick={() => onRemoveCase(c.index)}
                    aria-label={t('bench.removeCase', { name: text(caseName(c.name)) })}
                  >
                    ✕
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
