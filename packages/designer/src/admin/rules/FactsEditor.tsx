import { useEffect, useState, type ReactNode } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Input, Select, Space, Typography } from 'antd';
import type { DerivedFact, FormDefinition, LocalizedText, Problem } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { LocalizedInput } from '../shared/LocalizedInput';
import { ElapsedFactEditor } from './ElapsedFactEditor';
import type { ExprFieldContext } from './ExprField';
import { ExprTreeEditor } from './ExprTreeEditor';
import { FormulaExample } from './FormulaExample';
import { ELAPSED_KINDS, factNameProblem, factPointer, problemsUnder, removeFact, replaceFact, type FactKind } from './factModel';
import { factCodeAfterRename, namedFactOfKind, namedNewFact } from './factNaming';
import { factSpokenNames } from './factWords';
import { HistoryFactEditor } from './HistoryFactEditor';
import { LinkedFactEditor } from './LinkedFactEditor';
import { linkFields } from './linkedFact';

export interface FactsEditorProps {
  facts: Record<string, DerivedFact>;
  /** The rule set's form (history facts count its records unless told otherwise). */
  form: FormDefinition | null;
  dateFields: { name: string; label: LocalizedText }[];
  calendars: { id: string; label: LocalizedText }[];
  /** Numeric fields and facts a computed fact can use, and the repeating lines it can count or sum. */
  exprContext: ExprFieldContext;
  /** The engine's problems of the rule set (those under /facts are shown at their fact). */
  problems: readonly Problem[];
  /** The facts changed; `renamed`: a fact's code changed (the rule set renames every use of it). */
  onChange: (next: Record<string, DerivedFact>, renamed?: { from: string; to: string }) => void;
}

/**
 * Every kind of derived fact, declared without JSON: time between dates, a computed number, a figure
 * from other records. A fact is named in words (the English name optional); its code is made from the
 * name (pinyin), follows it until someone edits it under "advanced", and a new code renames every use.
 */
export function FactsEditor({ facts, form, dateFields, calendars, exprContext, problems, onChange }: FactsEditorProps) {
  const { t, text } = useI18n();
  const entries = Object.entries(facts);
  // Screen readers and messages name a fact by its words (or its place), never by its code.
  const spoken = factSpokenNames(facts, text, {
    named: (label) => t('facts.spoken.named', { label }),
    numbered: (n) => t('facts.spoken.numbered', { n }),
    sameName: (label, n) => t('facts.spoken.sameName', { label, n }),
  });
  const links = linkFields(form);
  const starters = {
    dateFields: dateFields.map((f) => f.name),
    numericFacts: exprContext.numericFacts.map((f) => f.name),
    linkFields: links.map((l) => l.name),
  };
  const add = (kind: FactKind) => {
    const { name, fact } = namedNewFact(kind, facts, starters);
    onChange({ ...facts, [name]: fact });
  };
  /** A fact replaced, under a new code when `newName` differs (its uses follow). */
  const replace = (name: string, next: DerivedFact, newName = name) => {
    const replaced = replaceFact(facts, name, next, newName);
    if (newName !== name && replaced !== facts) onChange(replaced, { from: name, to: newName });
    else onChange(replaced);
  };
  return (
    <Card
      size="small"
      title={t('facts.title')}
      extra={
        <Space wrap>
          <Button onClick={() => add('workingHours')}>{t('facts.addWorkingTime')}</Button>
          <Button onClick={() => add('computed')}>{t('facts.addComputed')}</Button>
          <Button onClick={() => add('history')}>{t('facts.addHistory')}</Button>
          {links.length > 0 && <Button onClick={() => add('linked')}>{t('facts.addLinked')}</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('facts.explainAll')}</Typography.Paragraph>
      {entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('facts.none')} />}
      {entries.map(([name, fact], index) => (
        // Keyed by place: a rename must not remount the row (the name box keeps focus while typing).
        <FactRow
          key={index}
          name={name}
          spokenName={spoken[name]!}
          spokenNames={spoken}
          fact={fact}
          facts={facts}
          problems={problemsUnder(problems, factPointer(name))}
          onChange={(next, newName) => replace(name, next, newName)}
          onRemove={() => onChange(removeFact(facts, name))}
          onKind={(kind) => {
            const changed = namedFactOfKind(name, fact, kind, facts, starters);
            replace(name, changed.fact, changed.name);
          }}
          withLinked={links.length > 0 || fact.kind === 'linked'}
        >
          {fact.kind === 'computed' ? (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 6, fontSize: 12 }}>
                {t('facts.computedExplain')}
              </Typography.Paragraph>
              <ExprTreeEditor
                value={fact.value}
                onChange={(value) => onChange(replaceFact(facts, name, { ...fact, value }))}
                label={t('facts.valueOf', { fact: spoken[name]! })}
                context={{ ...exprContext, numericFacts: exprContext.numericFacts.filter((f) => f.name !== name) }}
                invalid={problemsUnder(problems, factPointer(name, 'value')).length > 0}
              />
              <FormulaExample expr={fact.value} context={exprContext} />
            </>
          ) : fact.kind === 'history' ? (
            <HistoryFactEditor
              spokenName={spoken[name]!}
              fact={fact}
              ownForm={form}
              onChange={(next) => onChange(replaceFact(facts, name, next))}
              invalidAt={(...path) => problemsUnder(problems, factPointer(name, ...path)).length > 0}
            />
          ) : fact.kind === 'linked' ? (
            <LinkedFactEditor
              spokenName={spoken[name]!}
              fact={fact}
              ownForm={form}
              onChange={(next) => onChange(replaceFact(facts, name, next))}
              invalidAt={(...path) => problemsUnder(problems, factPointer(name, ...path)).length > 0}
            />
          ) : (
            <ElapsedFactEditor
              spokenName={spoken[name]!}
              fact={fact}
              dateFields={dateFields}
              calendars={calendars}
              onChange={(next) => onChange(replaceFact(facts, name, next))}
              invalidAt={(...path) => problemsUnder(problems, factPointer(name, ...path)).length > 0}
            />
          )}
        </FactRow>
      ))}
    </Card>
  );
}

function FactRow({
  name,
  spokenName,
  spokenNames,
  fact,
  facts,
  problems,
  onChange,
  onRemove,
  onKind,
  withLinked,
  children,
}: {
  /** The fact's code: only the code box under "advanced" shows it. */
  name: string;
  /** The fact as people read it: its controls are named after it. */
  spokenName: string;
  /** Every fact as people read it, by code (a code already taken is told by the fact that has it). */
  spokenNames: Record<string, string>;
  fact: DerivedFact;
  facts: Record<string, DerivedFact>;
  problems: Problem[];
  onChange: (next: DerivedFact, newName?: string) => void;
  onRemove: () => void;
  onKind: (kind: FactKind) => void;
  /** The form has link fields (or the fact already reads one): a linked record's value is a kind to offer. */
  withLinked: boolean;
  children: ReactNode;
}) {
  const { t, text } = useI18n();
  const kindLabel = (k: FactKind) => t(k === 'computed' ? 'facts.kind.computedExpr' : (`facts.kind.${k}` as MessageKey));
  return (
    <div
      role="group"
      aria-label={spokenName}
      data-fact={name}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12 }}
    >
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-start', marginBottom: 10 }}>
        <Captioned caption={t('facts.name')} grow>
          {/* Named in words; the code follows the name while nobody edited it under "advanced". */}
          <LocalizedInput
            label={t('facts.labelOf', { fact: spokenName })}
            value={fact.label}
            onChange={(label) => onChange({ ...fact, label }, factCodeAfterRename(name, fact.label, label, facts))}
          />
        </Captioned>
        <Captioned caption={t('facts.kind')}>
          <Select<FactKind>
            aria-label={t('facts.kindOf', { fact: spokenName })}
            style={{ width: 210 }}
            value={fact.kind}
            onChange={onKind}
            options={[
              { label: t('facts.kindGroup.time'), options: ELAPSED_KINDS.map((k) => ({ value: k, label: kindLabel(k) })) },
              {
                label: t('facts.kindGroup.other'),
                options: (withLinked ? (['computed', 'history', 'linked'] as const) : (['computed', 'history'] as const)).map((k) => ({
                  value: k,
                  label: kindLabel(k),
                })),
              },
            ]}
          />
        </Captioned>
        <Button
          danger
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('facts.remove', { fact: spokenName })}
          onClick={onRemove}
          style={{ marginTop: 22 }}
        />
      </div>
      {children}
      <Collapse
        size="small"
        ghost
        defaultActiveKey={problems.some((p) => p.pointer === factPointer(name)) ? ['advanced'] : []}
        items={[
          {
            key: 'advanced',
            label: t('words.advanced'),
            children: (
              <Captioned caption={t('facts.code')}>
                <FactNameInput
                  name={name}
                  spokenName={spokenName}
                  spokenNames={spokenNames}
                  facts={facts}
                  onRename={(newName) => onChange(fact, newName)}
                />
              </Captioned>
            ),
          },
        ]}
      />
      {problems.length > 0 && (
        <ul aria-label={t('facts.problemsOf', { fact: spokenName })} style={{ margin: '8px 0 0', paddingLeft: 18 }}>
          {problems.map((p, i) => (
            <li key={i}>
              <Typography.Text type="danger">{text(p.message)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The fact's code: applied while it is valid and free; otherwise the reason shows and leaving the box restores it. */
function FactNameInput({
  name,
  spokenName,
  spokenNames,
  facts,
  onRename,
}: {
  name: string;
  spokenName: string;
  spokenNames: Record<string, string>;
  facts: Record<string, DerivedFact>;
  onRename: (next: string) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const problem = draft === name ? null : factNameProblem(draft, name, facts);
  const errorId = `fact-name-error-${name}`;
  return (
    <div style={{ width: 180 }}>
      <Input
        aria-label={t('facts.nameOf', { fact: spokenName })}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        status={problem ? 'error' : undefined}
        value={draft}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (next !== name && factNameProblem(next, name, facts) === null) onRename(next);
        }}
        onBlur={() => setDraft(name)}
      />
      {problem && (
        <Typography.Text id={errorId} type="danger" style={{ fontSize: 12, display: 'block' }}>
          {problem === 'taken' ? t('facts.nameProblem.taken', { fact: spokenNames[draft] ?? '' }) : t('facts.nameProblem.pattern')}
        </Typography.Text>
      )}
    </div>
  );
}

function Captioned({ caption, grow, children }: { caption: string; grow?: boolean; children: ReactNode }) {
  return (
    <div style={grow ? { flex: '1 1 280px', minWidth: 240 } : undefined}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 2 }} aria-hidden="true">
        {caption}
      </Typography.Text>
      {children}
    </div>
  );
}
