import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';
import { useI18n } from '../../i18n/I18nContext';

/** `"ui:widget": "choice"` with `ui:options.choices` = [[value, label], ...]: a select that keeps a value not in the list. */
export function ChoiceWidget(props: WidgetProps<unknown, RJSFSchema>) {
  const { t } = useI18n();
  const choices = ((props.options.choices as [string, string][] | undefined) ?? []).map(([value, label]) => ({ value, label }));
  const value = typeof props.value === 'string' ? props.value : undefined;
  if (value && !choices.some((c) => c.value === value)) choices.push({ value, label: value });
  return (
    <Select
      id={props.id}
      aria-label={props.label}
      // An empty picker keeps its width and says what to do (it shrank to 40 px, blank).
      style={{ width: '100%', minWidth: 200 }}
      placeholder={props.placeholder || t('choice.placeholder')}
      value={value}
      allowClear={!props.required}
      showSearch
      optionFilterProp="label"
      disabled={props.disabled || props.readonly}
      onChange={(v?: string) => props.onChange(v)}
      options={choices}
    />
  );
}
