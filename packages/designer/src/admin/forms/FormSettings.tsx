import { Card, Form, Select } from 'antd';
import type { FormDefinition, RolesFile } from '@aftersales/engine';
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
      </Form>
    </Card>
  );
}
