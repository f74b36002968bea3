import type { ReactNode } from 'react';
import { Select, Space, Typography } from 'antd';
import type { FormDefinition, LinkedFact } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { linkFields, linkedValues, setLinkField, setLinkedPath } from './linkedFact';
import { useFormDefinitions } from './useForms';

export interface LinkedFactEditorProps {
  /** The fact as people read it (never its code): its controls are named after it. */
  spokenName: string;
  fact: LinkedFact;
  /** The rule set's form (its link fields). */
  ownForm: FormDefinition | null;
  onChange: (next: LinkedFact) => void;
  /** Whether the engine reported a problem at this part of the fact (path below the fact). */
  invalidAt: (...path: (string | number)[]) => boolean;
}

/**
 * A value of the record a link field names, without JSON: the link field of the rule set's form and
 * the linked form's field (or the linked record's status), both by their labels; the fact's type
 * follows the picked field.
 */
export function LinkedFactEditor({ spokenName, fact, ownForm, onChange, invalidAt }: LinkedFactEditorProps) {
  const { t, text } = useI18n();
  const links = linkFields(ownForm);
  const link = links.find((l) => l.name === fact.field);
  const loaded = useFormDefinitions(links.map((l) => l.form));
  const target = link ? loaded.get(link.form) : undefined;
  const values = linkedValues(target);
  const status = (...path: (string | number)[]) => (invalidAt(...path) ? ('error' as const) : undefined);
  const linkOptions = links.map((l) => ({ value: l.name, label: text(l.label) }));
  if (fact.field && !link) linkOptions.push({ value: fact.field, label: t('facts.linked.missingField') });
  const valueOptions = values.map((v) => ({ value: v.path, label: text(v.label) }));
  if (target && fact.path && !values.some((v) => v.path === fact.path))
    valueOptions.push({ value: fact.path, label: t('facts.linked.missingField') });

  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6, fontSize: 12 }}>
        {t('records.links.factExplain')}
      </Typography.Paragraph>
      {links.length === 0 ? (
        <Typography.Text type="warning">{t('facts.linked.noLinks')}</Typography.Text>
      ) : (
        <>
          <Row caption={t('facts.linked.field')}>
            <Select
              aria-label={t('facts.linked.fieldOf', { fact: spokenName })}
              status={status('field')}
              style={{ minWidth: 200 }}
              placeholder={t('formula.pick')}
              value={fact.field || undefined}
              onChange={(field: string) => {
                const next = links.find((l) => l.name === field);
                if (next) onChange(setLinkField(fact, next, loaded.get(next.form), links, target));
              }}
              options={linkOptions}
            />
          </Row>
          <Row caption={t('facts.linked.value')}>
            <Select
              aria-label={t('facts.linked.valueOf', { fact: spokenName })}
              status={status('path')}
              style={{ minWidth: 240 }}
              showSearch
              optionFilterProp="label"
              placeholder={t('formula.pick')}
              loading={!!link && !target}
              value={target ? fact.path || undefined : undefined}
              onChange={(path: string) => onChange(setLinkedPath(fact, path, target, link))}
              options={valueOptions}
            />
            <Typography.Text type="secondary">
              {t('facts.linked.typeIs', { type: t(`facts.linked.type.${fact.type}` as MessageKey) })}
            </Typography.Text>
          </Row>
        </>
      )}
    </div>
  );
}

function Row({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 8 }}>
      <Typography.Text type="secondary" style={{ minWidth: 96 }}>
        {caption}
      </Typography.Text>
      <Space wrap>{children}</Space>
    </div>
  );
}
