import { Card, Form, Select } from 'antd';
import type { FormDefinition, LocalizedText, RolesFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { LocalizedInput } from '../shared/LocalizedInput';

/** The form's own title, description and who fills it in. */
export function FormSettings({
  form,
  roles,
  onChange,
}: {
  form: FormDefinition;
  roles: RolesFile | null;
  onChange: (next: FormDefinition, coalesce?: string) => void;
}) {
  const { t, text } = useI18n();
  return (
    <Card size="small" title={t('formSettings.title')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('formSettings.name')}>
          <LocalizedInput
            label={t('formSettings.name')}
            value={form.title}
            onChange={(title) => onChange({ ...form, title }, 'form.title')}
          />
        </Form.Item>
        <Form.Item label={t('formSettings.description')}>
          <LocalizedInput
            label={t('formSettings.description')}
            multiline
            value={form.description}
            onChange={(description) => {
              const next = { ...form };
              if (description['zh-CN'] || description.en) next.description = description;
              else delete next.description;
              onChange(next, 'form.description');
            }}
          />
        </Form.Item>
        <Form.Item label={t('formSettings.filledBy')} htmlFor="form-filled-by">
          <Select
            id="form-filled-by"
            mode={roles ? 'multiple' : 'tags'}
            value={form.filledBy ?? []}
            onChange={(filledBy: string[]) => {
              const next = { ...form };
              if (filledBy.length > 0) next.filledBy = filledBy;
              else delete next.filledBy;
              onChange(next);
            }}
            options={(roles?.roles ?? []).map((r) => ({ value: r.id, label: text(r.label) }))}
          />
        </Form.Item>
        <Form.Item label={t('formSettings.recordTitle')} htmlFor="form-record-title" extra={t('formSettings.recordTitleHelp')}>
          <Select
            id="form-record-title"
            mode="multiple"
            maxCount={3}
            placeholder={t('formSettings.recordTitlePlaceholder')}
            value={form.recordTitle ?? []}
            onChange={(recordTitle: string[]) => {
              const next = { ...form };
              if (recordTitle.length > 0) next.recordTitle = recordTitle;
              else delete next.recordTitle;
              onChange(next);
            }}
            options={titleFields(form).map((f) => ({ value: f.path, label: f.labels.map((l) => text(l) || f.path).join(' · ') }))}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

interface FieldNode {
  type?: unknown;
  properties?: Record<string, FieldNode>;
  'x-title'?: LocalizedText;
  'x-kind'?: unknown;
}

/** Fields that can name a record: texts, numbers and choices, at the top level and in groups (not lists or photos). */
function titleFields(form: FormDefinition): { path: string; labels: (LocalizedText | undefined)[] }[] {
  const out: { path: string; labels: (LocalizedText | undefined)[] }[] = [];
  const walk = (properties: Record<string, FieldNode>, prefix: string, labels: (LocalizedText | undefined)[]) => {
    for (const [name, node] of Object.entries(properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (node.properties) walk(node.properties, path, [...labels, node['x-title']]);
      else if (['string', 'number', 'integer'].includes(String(node.type)) && node['x-kind'] !== 'photo')
        out.push({ path, labels: [...labels, node['x-title']] });
    }
  };
  walk(form.schema.properties ?? {}, '', []);
  return out;
}
