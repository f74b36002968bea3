import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Badge, Button, Card, Empty, Space, Switch, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { FormDefinition, LocalizedText, RuleDefinition, RuleSetFile } from '@aftersales/engine';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { JsonView } from '../../shared/JsonView';
import { move } from '../forms/fieldModel';
import { checkDefinitions } from '../shared/checkDefinitions';
import { DocumentEditorShell } from '../shared/DocumentEditorShell';
import { errorText } from '../shared/errorText';
import { useDocumentEditor } from '../shared/useDocumentEditor';
import { useReferenceData } from '../../shared/useReferenceData';
import { usePublishDocument } from '../shared/usePublishDocument';
import { PublishPanel } from '../testbench/PublishPanel';
import { TestBench } from '../testbench/TestBench';
import { withSavedCase } from '../testbench/withSavedCase';
import { codeFromLabel } from '../shared/codeFromLabel';
import { renameSharedCondition } from './renameSharedCondition';
import { renameFact } from './renameFact';
import { SharedConditionTitles } from './sharedConditionTitles';
import { useFormulaContext } from './formulaContext';
import { RuleSentence } from './RuleSentence';
import { MissingCompletionField } from './MissingCompletionField';
import { ruleSetChanges } from '../versions/changesInWords';
import { FactsEditor } from './FactsEditor';
import { factOptions } from './factOptions';
import type { OutcomeChoices } from './outcomeSchemas';
import { RuleEditor } from './RuleEditor';
import { SharedConditionsEditor } from './SharedConditionsEditor';
import { useFormDefinitions } from './useForms';
import { linkTargets } from '../forms/linkTargets';
import { DecisionTablesPanel } from './tables/DecisionTablesPanel';
import { Loading } from '../../app/Loading';
import { deadlineKeys } from './deadlineKey';

const NO_TITLES = {};

/** One rule set: its rules (priority, on/off, conditions, outcome), facts, JSON, test bench, publishing and versions. */
export function RuleSetEditorPage() {
  const { ruleSetId = '' } = useParams();
  const editor = useDocumentEditor('ruleSets', ruleSetId);
  const api = useApi();
  const { t, text, locale } = useI18n();
  const reference = useReferenceData();
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [selected, setSelected] = useState(0);
  const [tab, setTab] = useState('rules');
  const { busy, versionsKey, save, publish } = usePublishDocument('ruleSets', ruleSetId, editor);
  const ruleSet = editor.value;

  useEffect(() => {
    if (!ruleSet?.form) return;
    api.forms
      .get(ruleSet.form)
      .then((d) => setForm(d.draft?.definition ?? d.published?.definition ?? null))
      .catch(() => setForm(null));
  }, [api, ruleSet?.form]);

  const calendars = useMemo(() => reference?.calendars ?? [], [reference]);
  // The forms the form's link fields name: their values for linked facts, and checked with the rule set.
  const linkedForms = useFormDefinitions(form ? linkTargets(form) : []);
  const facts = useMemo(() => (form && ruleSet ? factOptions(form, ruleSet, linkedForms) : []), [form, ruleSet, linkedForms]);
  const checked = useDeferredValue(ruleSet);
  const counted = useFormDefinitions([
    ...Object.values(checked?.facts ?? {}).flatMap((f) => (f.kind === 'history' && f.query.form ? [f.query.form] : [])),
    ...(form ? linkTargets(form) : []),
  ]);
  const problems = useMemo(
    () =>
      form && checked
        ? checkDefinitions({ form, ruleSet: checked, otherForms: [...counted.values()], calendars, roles: reference?.roles ?? null })
            .ruleSet
        : [],
    [form, checked, counted, calendars, reference],
  );
  const choices = useMemo<OutcomeChoices>(
    () => ({
      roles: reference?.roles?.roles.map((r) => ({ id: r.id, label: r.label })) ?? [],
      statuses: form?.statusFlow?.states.map((s) => ({ id: s.id, label: s.label })) ?? [],
      dateFields: facts.filter((f) => f.kind === 'date' && !f.many).map((f) => ({ name: f.name, label: f.label })),
      personFields: facts.filter((f) => f.kind === 'string' && !f.many).map((f) => ({ name: f.name, label: f.label })),
      calendars: calendars.map((c) => ({ id: c.id, label: c.title })),
    }),
    [reference, form, facts, calendars],
  );
  const exprContext = useFormulaContext(form, ruleSet, facts, calendars);
  const roleLabels = useMemo<Record<string, LocalizedText>>(
    () => Object.fromEntries((reference?.roles?.roles ?? []).map((r) => [r.id, r.label])),
    [reference],
  );

  if (editor.loading && !ruleSet) return <Loading />;
  if (editor.error || !ruleSet)
    return <Alert type="error" showIcon title={editor.error ? errorText(editor.error, t, locale) : t('common.notFound')} />;

  const rules = ruleSet.rules;
  const rule = rules[selected];
  const setRules = (next: RuleDefinition[], coalesce?: string) => editor.change({ ...ruleSet, rules: next }, coalesce);
  const addRule = () => {
    let n = rules.length + 1;
    while (rules.some((r) => r.title['zh-CN'] === `规则 ${n}`)) n++;
    const fact = facts.find((f) => f.kind === 'number' && !f.many);
    // Named in Chinese only (the English title falls back to it, marked untranslated); the code follows the title.
    const title = `规则 ${n}`;
    const newRule: RuleDefinition = {
      name: codeFromLabel(
        title,
        'kebab',
        rules.map((r) => r.name),
        'rule',
      ),
      title: { 'zh-CN': title, en: title },
      conditions: { all: fact ? [{ fact: fact.name, operator: 'greaterThan', value: 0 }] : [] },
      event: {
        type: 'approval',
        params: { approver: choices.roles[0]?.id ?? '', before: choices.statuses.at(-1)?.id ?? '', reason: { 'zh-CN': '', en: '' } },
      },
    };
    setRules([...rules, newRule]);
    setSelected(rules.length);
  };

  return (
    <SharedConditionTitles.Provider value={ruleSet.conditionTitles ?? NO_TITLES}>
      <DocumentEditorShell
        kind="ruleSets"
        id={ruleSetId}
        editor={editor}
        title={text(ruleSet.title)}
        titleId="ruleset-title"
        back={{ to: `/admin/rules?form=${ruleSet.form}`, label: t('rules.title') }}
        tags={form && <Tag>{text(form.title)}</Tag>}
        busy={busy}
        onSave={() => void save()}
        onPublish={() => setTab('publish')}
        tab={tab}
        onTabChange={setTab}
        notice={!form && <Alert type="warning" showIcon title={t('rules.formMissing', { form: ruleSet.form })} />}
        versions={{
          refreshKey: versionsKey,
          ...(form
            ? {
                describe: (before: RuleSetFile, after: RuleSetFile) =>
                  ruleSetChanges(
                    before,
                    after,
                    {
                      form,
                      roleLabel: (id) => roleLabels[id],
                      calendarLabel: (id) => {
                        const c = calendars.find((x) => x.id === id);
                        return c ? text(c.title) : t('versions.missingCalendar');
                      },
                      formOf: (id) => counted.get(id) ?? linkedForms.get(id),
                    },
                    locale,
                  ),
              }
            : {}),
        }}
        tabs={[
          {
            key: 'rules',
            label: t('rules.rulesTab'),
            children: (
              <div className="designer-grid" style={{ gridTemplateColumns: 'minmax(240px, 300px) minmax(0, 1fr)' }}>
                <Card size="small" title={t('rules.list')}>
                  <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('rules.list')}>
                    {rules.map((r, i) => (
                      <li key={i} className={`field-row${i === selected ? ' selected' : ''}`} style={{ flexWrap: 'wrap' }}>
                        <Button type="text" className="field-label" onClick={() => setSelected(i)} aria-pressed={i === selected}>
                          {text(r.title) || r.name}
                        </Button>
                        <RuleSentence
                          rule={r}
                          form={form}
                          ruleSet={ruleSet}
                          roleLabels={roleLabels}
                          style={{ flexBasis: '100%', order: 10 }}
                        />
                        {r.priority !== undefined && <Tag>P{r.priority}</Tag>}
                        <Switch
                          size="small"
                          checked={r.enabled !== false}
                          aria-label={t('rules.enabledOf', { rule: text(r.title) || r.name })}
                          onChange={(on) => {
                            const next = { ...r };
                            if (on) delete next.enabled;
                            else next.enabled = false;
                            setRules(rules.map((x, j) => (j === i ? next : x)));
                          }}
                        />
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowUpOutlined />}
                          disabled={i === 0}
                          aria-label={t('rules.moveUp', { rule: r.name })}
                          onClick={() => setRules(move(rules, i, i - 1))}
                        />
                        <Button
                          size="small"
                          type="text"
                          icon={<ArrowDownOutlined />}
                          disabled={i === rules.length - 1}
                          aria-label={t('rules.moveDown', { rule: r.name })}
                          onClick={() => setRules(move(rules, i, i + 1))}
                        />
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('rules.remove', { rule: r.name })}
                          onClick={() => {
                            setRules(rules.filter((_, j) => j !== i));
                            setSelected(Math.max(0, Math.min(selected, rules.length - 2)));
                          }}
                        />
                      </li>
                    ))}
                  </ol>
                  <Button type="dashed" block onClick={addRule} style={{ marginTop: 8 }}>
                    {t('rules.addRule')}
                  </Button>
                </Card>
                {rule ? (
                  <div>
                    {form && <MissingCompletionField rule={rule} form={form} onFormChanged={setForm} />}
                    <RuleEditor
                      key={selected}
                      rule={rule}
                      onChange={(next, coalesce) =>
                        setRules(
                          rules.map((r, i) => (i === selected ? next : r)),
                          coalesce,
                        )
                      }
                      facts={facts}
                      sharedConditions={Object.keys(ruleSet.conditions ?? {})}
                      choices={choices}
                      exprContext={exprContext}
                      otherNames={rules.filter((_, i) => i !== selected).map((r) => r.name)}
                      otherDeadlineKeys={deadlineKeys(rules.filter((_, i) => i !== selected))}
                    />
                  </div>
                ) : (
                  <Empty description={t('rules.noRules')} />
                )}
              </div>
            ),
          },
          {
            key: 'tables',
            label: t('rules.tablesTab'),
            children: form ? (
              <DecisionTablesPanel
                ruleSet={ruleSet}
                form={form}
                roleLabels={roleLabels}
                onChange={(next, coalesce) => editor.change(next, coalesce)}
              />
            ) : (
              <Loading />
            ),
          },
          {
            key: 'facts',
            label: t('rules.factsTab'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }} size="large">
                <FactsEditor
                  facts={ruleSet.facts ?? {}}
                  form={form}
                  dateFields={choices.dateFields}
                  calendars={choices.calendars}
                  exprContext={exprContext}
                  problems={problems}
                  onChange={(next, renamed) => {
                    const updated = { ...ruleSet };
                    if (Object.keys(next).length > 0) updated.facts = next;
                    else delete updated.facts;
                    // A fact's new code renames every use of it (conditions, formulas, tables, other facts).
                    editor.change(renamed ? renameFact(updated, renamed.from, renamed.to) : updated, 'facts');
                  }}
                />
                <SharedConditionsEditor
                  conditions={ruleSet.conditions ?? {}}
                  titles={ruleSet.conditionTitles ?? {}}
                  facts={facts}
                  onRename={(from, to, title) => {
                    const updated = renameSharedCondition(ruleSet, from, to);
                    editor.change({ ...updated, conditionTitles: { ...updated.conditionTitles, [to]: title } }, `shared.${to}`);
                  }}
                  onChange={(next, titles) => {
                    const updated = { ...ruleSet };
                    if (Object.keys(next).length > 0) updated.conditions = next;
                    else delete updated.conditions;
                    if (Object.keys(titles).length > 0) updated.conditionTitles = titles;
                    else delete updated.conditionTitles;
                    editor.change(updated);
                  }}
                />
              </Space>
            ),
          },
          {
            key: 'json',
            label: (
              <Badge count={problems.length} size="small" offset={[8, 0]}>
                JSON
              </Badge>
            ),
            children: (
              <JsonView
                label={t('rules.jsonLabel')}
                value={ruleSet}
                problems={problems}
                onChange={(next) => editor.change(next as RuleSetFile)}
              />
            ),
          },
          {
            key: 'bench',
            label: t('rules.benchTab'),
            children: form ? (
              <TestBench
                form={form}
                ruleSet={ruleSet}
                calendars={calendars}
                roleLabels={roleLabels}
                onSaveCase={(test) => editor.change({ ...ruleSet, tests: withSavedCase(ruleSet.tests ?? [], test) })}
                onRemoveCase={(index) => {
                  const tests = (ruleSet.tests ?? []).filter((_, i) => i !== index);
                  const next = { ...ruleSet };
                  if (tests.length > 0) next.tests = tests;
                  else delete next.tests;
                  editor.change(next);
                }}
              />
            ) : (
              <Loading />
            ),
          },
          {
            key: 'publish',
            label: t('rules.publishTab'),
            children: form ? (
              <PublishPanel
                form={form}
                draft={ruleSet}
                published={editor.detail?.published?.definition ?? null}
                calendars={calendars}
                problems={problems}
                roleLabels={roleLabels}
                onPublish={publish}
              />
            ) : (
              <Loading />
            ),
          },
        ]}
      />
    </SharedConditionTitles.Provider>
  );
}
