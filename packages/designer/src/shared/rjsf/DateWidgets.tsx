import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { DateInput } from '../dates/DateInput';

function FormDate({ kind, ...props }: WidgetProps<unknown, RJSFSchema> & { kind: 'date' | 'dateTime' }) {
  const value: unknown = props.value;
  return (
    <DateInput
      id={props.id}
      label={props.label}
      disabled={!!props.disabled || !!props.readonly}
      value={value}
      kind={kind}
      required={!!props.required}
      invalid={(props.rawErrors?.length ?? 0) > 0}
      onChange={(v) => props.onChange(v)}
      onBlur={() => props.onBlur(props.id, value)}
      timeZone={(props.formContext as { timeZone?: string } | undefined)?.timeZone}
    />
  );
}

/** `format: date`: a date in the person's format (年月日 in Chinese), kept as YYYY-MM-DD. */
export function DateWidget(props: WidgetProps<unknown, RJSFSchema>) {
  return <FormDate {...props} kind="date" />;
}

/** `format: date-time`: a date and time in the person's format, kept as an ISO instant. */
export function DateTimeWidget(props: WidgetProps<unknown, RJSFSchema>) {
  return <FormDate {...props} kind="dateTime" />;
}
