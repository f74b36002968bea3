import { Form, Select, Switch } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import type { FieldModel } from './fieldModel';

/**
 * A date or date-time field's checks, without JSON: "not in the future" (`x-notFuture`) and "not
 * earlier than" another date field of the same group or line (`x-after`). The server checks both.
 */
export function DateChecksEditor({
  field,
  siblings,
  idBase,
  onChange,
}: {
  field: FieldModel;
  siblings: FieldModel[];
  idBase: string;
  onChange: (next: FieldModel) => void;
}) {
  const { t, text } = useI18n();
  const rest = field.schemaRest;
  const setRest = (name: 'x-notFuture' | 'x-after', value: unknown) => {
    const schemaRest = { ...rest };
    if (value === undefined) delete schemaRest[name];
    else schemaRest[name] = value;
    onChange({ ...field, schemaRest });
  };
  const dates = siblings.filter((s) => s.key !== field.key && (s.type === 'date' || s.type === 'dateTime'));
  return (
    <>
      <Form.Item label={t('checks.notFuture')} htmlFor={`${idBase}-not-future`}>
        <Switch
          id={`${idBase}-not-future`}
          checked={rest['x-notFuture'] === true}
          onChange={(on) => setRest('x-notFuture', on ? true : undefined)}
        />
      </Form.Item>
      <Form.Item label={t('checks.after')} htmlFor={`${idBase}-after`}>
        <Select
          id={`${idBase}-after`}
          allowClear
          placeholder={t('checks.afterNone')}
          value={typeof rest['x-after'] === 'string' ? rest['x-after'] : undefined}
          onChange={(v: string | undefined) => setRest('x-after', v || undefined)}
          options={dates.map((s) => ({ value: s.key, label: text(s.label) || s.key }))}
        />
      </Form.Item>
    </>
  );
}
