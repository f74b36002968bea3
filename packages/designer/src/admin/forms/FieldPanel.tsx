import { useEffect, useId, useState, type ReactNode } from 'react';
import { Alert, Card, Collapse, Form, Input, InputNumber, Select, Switch } from 'antd';
import { codeFromLabel } from '../shared/codeFromLabel';
import { useI18n } from '../../i18n/I18nContext';
import { LocalizedInput } from '../shared/LocalizedInput';
import {
  FIELD_KEY_PATTERN,
  changeType,
  fieldTypesAt,
  hasOptions,
  limitsOf,
  setMultiple,
  withLimit,
  type FieldModel,
  type FieldType,
  type NumberLimit,
  type ShowWhen,
} from './fieldModel';
import { FIELD_TYPE_LABEL } from './fieldTypeLabel';
import { OptionsEditor } from './OptionsEditor';
import { PatternEditor } from './PatternEditor';
import { DateChecksEditor } from './DateChecksEditor';

export interface FieldPanelProps {
  field: FieldModel;
  siblings: FieldModel[];
  /** `coalesce`: a keystroke in a text input (one undo step per input). */
  onChange: (next: FieldModel, coalesce?: string) => void;
  /** Parts of the panel that need the whole form (a computed field's formula, a link's form), shown after the type's own settings. */
  children?: (idBase: string) => ReactNode;
  /** The field is in a group or on a repeating line (types of the top of the form only are not offered). */
  nested?: boolean;
}

const NUMERIC = new Set<FieldType>(['number', 'integer', 'money']);
const TEXTUAL = new Set<FieldType>(['text', 'longText', 'phone', 'address', 'file', 'photo']);

/** Everything about one field, without JSON: label, name, type, required, help, limits, options, when it shows. */
export function FieldPanel({ field, siblings, onChange, children, nested }: FieldPanelProps) {
  const { t, text } = useI18n();
  const idBase = useId();
  const [key, setKey] = useState(field.key);
  useEffect(() => setKey(field.key), [field.key]);
  const keyError = !FIELD_KEY_PATTERN.test(key)
    ? t('fields.keyPattern')
    : key !== field.key && siblings.some((s) => s.key === key)
      ? t('fields.keyTaken')
      : null;
  /** What every field has (its key, names, required, show-when); each type's own parts are set where the type is known. */
  const set = (patch: Partial<Pick<FieldModel, 'key' | 'label' | 'help' | 'required' | 'showWhen'>>, coalesce?: string) =>
    onChange({ ...field, ...patch }, coalesce);
  const limits = limitsOf(field);
  const setNumber = (name: NumberLimit, value: number | null) => onChange(withLimit(field, name, value), `${field.key}.${name}`);
  const multiple = (field.type === 'photo' || field.type === 'file' || field.type === 'signature') && !!field.multiple;
  const others = siblings.filter((s) => s.key !== field.key);
  const otherKeys = others.map((s) => s.key);
  const whenField = field.showWhen ? others.find((s) => s.key === field.showWhen!.field) : undefined;

  return (
    <Card size="small" title={t('fields.properties', { field: text(field.label) || field.key })}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('fields.label')} htmlFor={`${idBase}-label`}>
          <LocalizedInput
            id={`${idBase}-label`}
            label={t('fields.label')}
            value={field.label}
            onChange={(label) => {
              // A field whose name was made for it (new, or its label's pinyin) follows its label: no code to type.
              const automatic =
                /^(field|group|lines)\d+$/.test(field.key) ||
                field.key === codeFromLabel(field.label?.['zh-CN'] ?? '', 'camel', otherKeys, 'field');
              const named = label['zh-CN'] || label.en;
              if (automatic && named) set({ label, key: codeFromLabel(named, 'camel', otherKeys, 'field') }, `${field.key}.label`);
              else set({ label }, `${field.key}.label`);
            }}
          />
        </Form.Item>
        {field.type === 'advanced' ? (
          <Alert type="info" showIcon title={t('fields.advancedExplain')} />
        ) : (
          <Form.Item label={t('fields.type')} htmlFor={`${idBase}-type`}>
            <Select
              id={`${idBase}-type`}
              value={field.type}
              onChange={(type: Exclude<FieldType, 'advanced'>) => onChange(changeType(field, type))}
              options={fieldTypesAt(!!nested && field.type !== 'link').map((type) => ({ value: type, label: t(FIELD_TYPE_LABEL[type]) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('fields.required')} htmlFor={`${idBase}-required`}>
          <Switch id={`${idBase}-required`} checked={field.required} onChange={(required) => set({ required })} />
        </Form.Item>
        <Form.Item label={t('fields.help')} htmlFor={`${idBase}-help`}>
          <LocalizedInput
            id={`${idBase}-help`}
            label={t('fields.help')}
            multiline
            value={field.help}
            onChange={(help) => {
              if (!help['zh-CN'] && !help.en) {
                const next = { ...field };
                delete next.help;
                onChange(next, `${field.key}.help`);
              } else set({ help }, `${field.key}.help`);
            }}
          />
        </Form.Item>
        {NUMERIC.has(field.type) && (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item label={t('fields.minimum')} htmlFor={`${idBase}-min`}>
              <InputNumber id={`${idBase}-min`} value={limits.minimum ?? null} onChange={(v) => setNumber('minimum', v)} />
            </Form.Item>
            <Form.Item label={t('fields.maximum')} htmlFor={`${idBase}-max`}>
              <InputNumber id={`${idBase}-max`} value={limits.maximum ?? null} onChange={(v) => setNumber('maximum', v)} />
            </Form.Item>
          </div>
        )}
        {(field.type === 'photo' || field.type === 'file') && (
          <Form.Item label={t(field.type === 'photo' ? 'fields.multiplePhotos' : 'fields.multiple')} htmlFor={`${idBase}-multiple`}>
            <Switch id={`${idBase}-multiple`} checked={multiple} onChange={(several) => onChange(setMultiple(field, several))} />
          </Form.Item>
        )}
        {TEXTUAL.has(field.type) && !multiple && (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item label={t('fields.minLength')} htmlFor={`${idBase}-minl`}>
              <InputNumber id={`${idBase}-minl`} min={0} value={limits.minLength ?? null} onChange={(v) => setNumber('minLength', v)} />
            </Form.Item>
            <Form.Item label={t('fields.maxLength')} htmlFor={`${idBase}-maxl`}>
              <InputNumber id={`${idBase}-maxl`} min={0} value={limits.maxLength ?? null} onChange={(v) => setNumber('maxLength', v)} />
            </Form.Item>
          </div>
        )}
        {(field.type === 'text' || field.type === 'phone') && <PatternEditor field={field} idBase={idBase} onChange={onChange} />}
        {(field.type === 'date' || field.type === 'dateTime') && (
          <DateChecksEditor field={field} siblings={siblings} idBase={idBase} onChange={onChange} />
        )}
        {(field.type === 'lines' || field.type === 'multipleChoice' || multiple) && (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item label={t(field.type === 'photo' ? 'fields.minPhotos' : 'fields.minItems')} htmlFor={`${idBase}-mini`}>
              <InputNumber id={`${idBase}-mini`} min={0} value={limits.minItems ?? null} onChange={(v) => setNumber('minItems', v)} />
            </Form.Item>
            <Form.Item label={t(field.type === 'photo' ? 'fields.maxPhotos' : 'fields.maxItems')} htmlFor={`${idBase}-maxi`}>
              <InputNumber id={`${idBase}-maxi`} min={0} value={limits.maxItems ?? null} onChange={(v) => setNumber('maxItems', v)} />
            </Form.Item>
          </div>
        )}
        {(field.type === 'singleChoice' || field.type === 'multipleChoice') && (
          <Form.Item label={t('fields.options')}>
            <OptionsEditor options={field.options} onChange={(options) => onChange({ ...field, options }, `${field.key}.options`)} />
          </Form.Item>
        )}
        {children?.(idBase)}
        {(field.type === 'group' || field.type === 'lines') && (
          <Alert
            type="info"
            showIcon
            title={t(field.type === 'lines' ? 'fields.linesExplain' : 'fields.groupExplain')}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form.Item label={t('fields.showWhen')} htmlFor={`${idBase}-when`} help={t('fields.showWhenHelp')}>
          <Select
            id={`${idBase}-when`}
            allowClear
            placeholder={t('fields.alwaysShown')}
            value={field.showWhen?.field}
            onChange={(other?: string) => {
              const next = { ...field };
              if (other) next.showWhen = { field: other };
              else delete next.showWhen;
              onChange(next);
            }}
            options={others.map((s) => ({ value: s.key, label: text(s.label) || s.key }))}
          />
        </Form.Item>
        {whenField && (
          <Form.Item label={t('fields.showWhenValue')} htmlFor={`${idBase}-when-value`}>
            <Select
              id={`${idBase}-when-value`}
              value={field.showWhen?.equals === undefined ? '__any__' : JSON.stringify(field.showWhen.equals)}
              onChange={(v: string) => {
                const showWhen: ShowWhen = { field: whenField.key };
                if (v !== '__any__') showWhen.equals = JSON.parse(v) as ShowWhen['equals'];
                set({ showWhen });
              }}
              options={[
                { value: '__any__', label: t('fields.anyValue') },
                ...(hasOptions(whenField) ? whenField.options : []).map((o) => ({ value: JSON.stringify(o.value), label: text(o.label) })),
                ...(whenField.type === 'yesNo'
                  ? [
                      { value: 'true', label: t('common.yes') },
                      { value: 'false', label: t('common.no') },
                    ]
                  : []),
              ]}
            />
          </Form.Item>
        )}
        <Collapse
          size="small"
          ghost
          defaultActiveKey={keyError ? ['advanced'] : []}
          items={[
            {
              key: 'advanced',
              label: t('words.advanced'),
              children: (
                <Form.Item
                  label={t('fields.key')}
                  htmlFor={`${idBase}-key`}
                  validateStatus={keyError ? 'error' : ''}
                  help={keyError ?? t('fields.keyHelp')}
                >
                  <Input
                    id={`${idBase}-key`}
                    value={key}
                    onChange={(e) => setKey(e.target.value)}
                    onBlur={() => {
                      if (!keyError && key !== field.key) set({ key });
                    }}
                    onPressEnter={() => {
                      if (!keyError && key !== field.key) set({ key });
                    }}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Card>
  );
}
