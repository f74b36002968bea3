import { Form, Select } from 'antd';
import type { DocumentSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import type { FieldModel } from './fieldModel';

/**
 * A link field's form, picked by its name (`x-linkForm` keeps its id): staff then pick a record of
 * that form by its title (number, customer, date), and rules can read the linked record's fields.
 */
export function LinkFormPicker({
  field,
  forms,
  idBase,
  invalid,
  onChange,
}: {
  field: FieldModel;
  /** The forms of the pack (not archived). */
  forms: readonly DocumentSummary[];
  idBase: string;
  /** The engine found a problem with the linked form (none picked, or not a form of the pack). */
  invalid: boolean;
  onChange: (next: FieldModel) => void;
}) {
  const { t, text } = useI18n();
  const current = typeof field.schemaRest['x-linkForm'] === 'string' ? field.schemaRest['x-linkForm'] : undefined;
  const options = forms.map((f) => ({ value: f.id, label: text(f.title) }));
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: t('fields.link.missingForm') });
  return (
    <Form.Item
      label={t('fields.link.form')}
      htmlFor={`${idBase}-link-form`}
      validateStatus={invalid ? 'error' : ''}
      help={invalid ? t('fields.link.pickForm') : t('fields.link.formHelp')}
    >
      <Select
        id={`${idBase}-link-form`}
        showSearch
        optionFilterProp="label"
        placeholder={t('fields.link.pickForm')}
        status={invalid ? 'error' : undefined}
        value={current || undefined}
        onChange={(id: string) => onChange({ ...field, schemaRest: { ...field.schemaRest, 'x-linkForm': id } })}
        options={options}
      />
    </Form.Item>
  );
}
