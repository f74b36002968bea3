import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { DerivedFact, LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { LocalizedInput } from '../shared/LocalizedInput';

/** Working-time facts (e.g. working hours from call to arrival); computed and history facts are shown and kept. */
export function FactsEditor({
  facts,
  dateFields,
  calendars,
  onChange,
}: {
  facts: Record<string, DerivedFact>;
  dateFields: { name: string; label: LocalizedText }[];
  calendars: { id: string; label: LocalizedText }[];
  onChange: (next: Record<string, DerivedFact>) => void;
}) {
  const { t, text } = useI18n();
  const entries = Object.entries(facts);
  const setFact = (name: string, fact: DerivedFact, newName = name) =>
    onChange(Object.fromEntries(entries.map(([k, v]) => (k === name ? [newName, fact] : [k, v]))));
  const add = () => {
    let n = entries.length + 1;
    while (`workingHours${n}` in facts) n++;
    onChange({
      ...facts,
      [`workingHours${n}`]: { kind: 'workingHours', from: dateFields[0]?.name ?? '', label: { 'zh-CN': '工作小时', en: 'Working hours' } },
    });
  };
  const fieldOptions = dateFields.map((f) => ({ value: f.name, label: text(f.label) }));
  return (
    <Card size="small" title={t('facts.title')} extra={<Button onClick={add}>{t('facts.addWorkingTime')}</Button>}>
      <Typography.Paragraph type="secondary">{t('facts.explain')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={([name]) => name}
        dataSource={entries}
        columns={[
          {
            title: t('facts.name'),
            render: (_, [name, fact]) => (
              <Input
                aria-label={t('facts.nameOf', { name })}
                value={name}
                onChange={(e) => setFact(name, fact, e.target.value)}
                style={{ width: 150 }}
              />
            ),
          },
          {
            title: t('facts.label'),
            render: (_, [name, fact]) => (
              <LocalizedInput
                label={t('facts.labelOf', { name })}
                value={fact.label}
                onChange={(label) => setFact(name, { ...fact, label })}
              />
            ),
          },
          {
            title: t('facts.definition'),
            render: (_, [name, fact]) =>
              fact.kind === 'computed' || fact.kind === 'history' ? (
                <Typography.Text type="secondary">{t(`facts.kind.${fact.kind}` as MessageKey)}</Typography.Text>
              ) : (
                <Space wrap>
                  <Select
                    aria-label={t('facts.kindOf', { name })}
                    style={{ width: 130 }}
                    value={fact.kind}
                    onChange={(kind: 'workingHours' | 'workingDays' | 'hours' | 'days') => setFact(name, { ...fact, kind })}
                    options={(['workingHours', 'workingDays', 'hours', 'days'] as const).map((k) => ({
                      value: k,
                      label: t(`facts.kind.${k}` as MessageKey),
                    }))}
                  />
                  <span>{t('facts.from')}</span>
                  <Select
                    aria-label={t('facts.fromOf', { name })}
                    style={{ width: 150 }}
                    value={fact.from}
                    onChange={(from: string) => setFact(name, { ...fact, from })}
                    options={fieldOptions}
                  />
                  <span>{t('facts.to')}</span>
                  <Select
                    aria-label={t('facts.toOf', { name })}
                    style={{ width: 150 }}
                    allowClear
                    placeholder={t('facts.toNow')}
                    value={fact.to}
                    onChange={(to?: string) => {
                      const next = { ...fact };
                      if (to) next.to = to;
                      else delete next.to;
                      setFact(name, next);
                    }}
                    options={fieldOptions}
                  />
                  {(fact.kind === 'workingHours' || fact.kind === 'workingDays') && (
                    <Select
                      aria-label={t('facts.calendarOf', { name })}
                      style={{ width: 150 }}
                      allowClear
                      placeholder={t('facts.defaultCalendar')}
                      value={fact.calendar}
                      onChange={(calendar?: string) => {
                        const next = { ...fact };
                        if (calendar) next.calendar = calendar;
                        else delete next.calendar;
                        setFact(name, next);
                      }}
                      options={calendars.map((c) => ({ value: c.id, label: text(c.label) }))}
                    />
                  )}
                </Space>
              ),
          },
          {
            title: '',
            render: (_, [name]) => (
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('facts.remove', { name })}
                onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== name)))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
