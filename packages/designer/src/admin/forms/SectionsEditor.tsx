import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space, Typography } from 'antd';
import type { FormDefinition, FormSection } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { LocalizedInput } from '../shared/LocalizedInput';
import { newSectionId, withSections, withStep } from './sectionsModel';

/**
 * The form's sections (groups of fields under a heading) and, per status, which sections its step
 * shows first: staff see those open and the others collapsed. No JSON: labels, field and section pickers.
 */
export function SectionsEditor({ form, onChange }: { form: FormDefinition; onChange: (next: FormDefinition, coalesce?: string) => void }) {
  const { t, text } = useI18n();
  const sections = form.sections ?? [];
  const properties = form.schema.properties ?? {};
  const label = (name: string) => text(properties[name]?.['x-title']) || name;
  const setSection = (i: number, patch: Partial<FormSection>, coalesce?: string) =>
    onChange(
      withSections(
        form,
        sections.map((s, j) => (j === i ? { ...s, ...patch } : s)),
      ),
      coalesce,
    );
  const sectionOptions = sections.map((s) => ({ value: s.id, label: text(s.label) || t('steps.otherFields') }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={t('sections.title')}>
        <Typography.Paragraph type="secondary">{t('sections.help')}</Typography.Paragraph>
        {sections.map((section, i) => {
          const elsewhere = new Set(sections.filter((_, j) => j !== i).flatMap((s) => s.fields));
          return (
            <Card
              key={section.id}
              size="small"
              className="section-editor"
              title={t('sections.nth', { n: i + 1 })}
              extra={
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('sections.remove', { section: text(section.label) || String(i + 1) })}
                  onClick={() =>
                    onChange(
                      withSections(
                        form,
                        sections.filter((_, j) => j !== i),
                      ),
                    )
                  }
                />
              }
              style={{ marginBottom: 12 }}
            >
              <Form layout="vertical" component="div">
                <Form.Item label={t('sections.label')}>
                  <LocalizedInput
                    label={t('sections.labelOf', { n: i + 1 })}
                    value={section.label}
                    onChange={(next) => setSection(i, { label: next }, `section.${section.id}.label`)}
                  />
                </Form.Item>
                <Form.Item label={t('sections.fields')} htmlFor={`section-fields-${i}`}>
                  <Select
                    id={`section-fields-${i}`}
                    mode="multiple"
                    aria-label={t('sections.fieldsOf', { n: i + 1 })}
                    value={section.fields}
                    onChange={(fields: string[]) => setSection(i, { fields })}
                    options={Object.keys(properties)
                      .filter((name) => !elsewhere.has(name))
                      .map((name) => ({ value: name, label: label(name) }))}
                    optionFilterProp="label"
                  />
                </Form.Item>
              </Form>
            </Card>
          );
        })}
        <Button
          onClick={() =>
            onChange(
              withSections(form, [
                ...sections,
                { id: newSectionId(sections), label: { 'zh-CN': t('sections.newZh'), en: t('sections.newEn') }, fields: [] },
              ]),
            )
          }
        >
          {t('sections.add')}
        </Button>
      </Card>
      <Card size="small" title={t('sections.steps')}>
        {!form.statusFlow ? (
          <Typography.Paragraph type="secondary">{t('sections.noFlow')}</Typography.Paragraph>
        ) : sections.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('sections.noSections')}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('sections.stepsHelp')}</Typography.Paragraph>
            <Form layout="vertical" component="div">
              {form.statusFlow.states.map((state) => (
                <Form.Item key={state.id} label={text(state.label) || state.id} htmlFor={`step-${state.id}`}>
                  <Select
                    id={`step-${state.id}`}
                    mode="multiple"
                    aria-label={t('sections.stepOf', { status: text(state.label) || state.id })}
                    placeholder={t('sections.allSections')}
                    value={form.steps?.find((s) => s.status === state.id)?.sections ?? []}
                    onChange={(ids: string[]) => onChange(withStep(form, state.id, ids))}
                    options={sectionOptions}
                  />
                </Form.Item>
              ))}
            </Form>
          </>
        )}
      </Card>
    </Space>
  );
}
