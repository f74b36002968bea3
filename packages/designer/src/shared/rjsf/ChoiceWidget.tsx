import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Select } from 'antd';

/** `"ui:widget": "choice"` with `ui:options.choices` = [[value, label], ...]: a select that keeps a value not in the list. */
export function ChoiceWidget(props: WidgetProps<unknown, RJSFSchema>) {
  const choices = ((props.options.choices as [string, string][] | undefined) ?? []).map(([value, label]) => ({ value, label }));
  const value = typeof props.value === 'string' ? props.value : undefined;
  if (value && !choices.some((c) => c.value === value)) choices.push({ value, label: value });
  return (
    <Select
      id={props.id}
      aria-label={props.label}
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
