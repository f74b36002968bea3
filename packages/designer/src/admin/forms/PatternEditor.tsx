import { Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/en';
import { LocalizedInput } from '../shared/LocalizedInput';
import type { FieldModel, TextField } from './fieldModel';
import { PATTERN_PRESET_NAMES, patternMessage, presetOf, withPatternMessage, withPreset, type PatternPreset } from './patternPresets';

const CUSTOM = 'custom';

/**
 * The format a text must have: none, a preset (mobile phone, landline, ID card number, plate
 * number, postcode: pattern and message together), or the admin's own pattern with their own
 * message in both languages, which is what staff read when the value does not fit.
 */
export function PatternEditor({
  field,
  idBase,
  onChange,
}: {
  field: TextField;
  idBase: string;
  onChange: (next: FieldModel, coalesce?: string) => void;
}) {
  const { t } = useI18n();
  const preset = presetOf(field);
  const choice = preset ?? (field.pattern ? CUSTOM : '');
  return (
    <>
      <Form.Item label={t('pattern.preset')} htmlFor={`${idBase}-preset`}>
        <Select
          id={`${idBase}-preset`}
          value={choice}
          onChange={(next: string) => {
            if (next === CUSTOM) onChange({ ...withPreset(field, undefined), pattern: field.pattern ?? '.*' });
            else onChange(withPreset(field, (next || undefined) as PatternPreset | undefined));
          }}
          options={[
            { value: '', label: t('pattern.none') },
            ...PATTERN_PRESET_NAMES.map((name) => ({ value: name, label: t(`pattern.${name}` as MessageKey) })),
            { value: CUSTOM, label: t('pattern.custom') },
          ]}
        />
      </Form.Item>
      {choice === CUSTOM && (
        <Form.Item label={t('fields.pattern')} htmlFor={`${idBase}-pattern`} help={t('fields.patternHelp')}>
          <Input
            id={`${idBase}-pattern`}
            value={field.pattern ?? ''}
            onChange={(e) => {
              const next = { ...field };
              if (e.target.value) next.pattern = e.target.value;
              else delete next.pattern;
              onChange(next, `${field.key}.pattern`);
            }}
          />
        </Form.Item>
      )}
      {choice !== '' && (
        <Form.Item label={t('pattern.message')} htmlFor={`${idBase}-pattern-message`} extra={t('pattern.messageHelp')}>
          <LocalizedInput
            id={`${idBase}-pattern-message`}
            label={t('pattern.message')}
            value={patternMessage(field) ?? { 'zh-CN': '', en: '' }}
            onChange={(message) => onChange(withPatternMessage(field, message), `${field.key}.patternMessage`)}
          />
        </Form.Item>
      )}
    </>
  );
}
