import { useMemo, useState } from 'react';
import { Empty, Segmented, Tag } from 'antd';
import {
  applyDecisionTable,
  checkDecisionTable,
  factCatalog,
  findDecisionTables,
  type DecisionTable,
  type FormDefinition,
  type LocalizedText,
  type RuleSetFile,
} from '@aftersales/engine';
import { useI18n } from '../../../i18n/I18nContext';
import { DecisionTableEditor } from './DecisionTableEditor';

/**
 * The rule set's decision tables: the families its file names as tables, and families of rules
 * that read as one (an integrator's file opens as a table too). Editing a table rewrites its rules
 * in the rule set, so the builder, the JSON, the test bench and the diff all see the same rules.
 */
export function DecisionTablesPanel({
  ruleSet,
  form,
  roleLabels,
  onChange,
}: {
  ruleSet: RuleSetFile;
  form: FormDefinition;
  roleLabels: Record<string, LocalizedText>;
  onChange: (next: RuleSetFile, coalesce?: string) => void;
}) {
  const { t, text } = useI18n();
  const { tables } = useMemo(() => findDecisionTables(ruleSet), [ruleSet]);
  const facts = useMemo(() => factCatalog(form, ruleSet), [form, ruleSet]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const found = tables.find((f) => f.table.id === selectedId) ?? tables[0];
  const findings = useMemo(
    () => (found ? checkDecisionTable(found.table, { facts, roles: Object.keys(roleLabels) }) : []),
    [found, facts, roleLabels],
  );
  if (!found) return <Empty description={t('tables.none')} />;
  const change = (next: DecisionTable, coalesce?: string) =>
    onChange(
      applyDecisionTable(
        ruleSet,
        next,
        found.table.rows.map((r) => r.name),
      ),
      coalesce,
    );
  return (
    <div>
      <Segmented
        aria-label={t('tables.choose')}
        value={found.table.id}
        onChange={(id) => setSelectedId(String(id))}
        options={tables.map((f) => ({ value: f.table.id, label: text(f.table.title) }))}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      {found.annotation === undefined && (
        <p>
          <Tag color="blue">{t('tables.foundFamily')}</Tag>
          {t('tables.foundFamilyHelp')}
        </p>
      )}
      <DecisionTableEditor
        key={found.table.id}
        table={found.table}
        facts={facts}
        roles={roleLabels}
        findings={findings}
        onChange={change}
      />
    </div>
  );
}
