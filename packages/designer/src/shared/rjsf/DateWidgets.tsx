import { lazy, Suspense } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Input } from 'antd';
import { useI18n } from '../../i18n/I18nContext';

const LocalDatePicker = lazy(() => import('./LocalDatePicker'));

function DateInput({ withTime, ...props }: WidgetProps<unknown, RJSFSchema> & { withTime: boolean }) {
  const { locale } = useI18n();
  const value: unknown = props.value;
  const common = {
    id: props.id,
    label: props.label,
    disabled: !!props.disabled || !!props.readonly,
  };
  return (
    // While the calendar loads (once), a box that shows nothing wrong.
    <Suspense fallback={<Input id={common.id} aria-label={common.label} disabled value="" readOnly />}>
      <LocalDatePicker
        {...common}
        value={value}
        withTime={withTime}
        locale={locale}
        required={!!props.required}
        invalid={(props.rawErrors?.length ?? 0) > 0}
        onChange={(v) => props.onChange(v)}
        onBlur={() => props.onBlur(props.id, value)}
      />
    </Suspense>
  );
}

/** `format: date`: a date in the person's format (年月日 in Chinese), kept as YYYY-MM-DD. */
export function DateWidget(props: WidgetProps<unknown, RJSFSchema>) {
  return <DateInput {...props} withTime={false} />;
}

/** `format: date-time`: a date and time in the person's format, kept as an ISO instant. */
export function DateTimeWidget(props: WidgetProps<unknown, RJSFSchema>) {
  return <DateInput {...props} withTime />;
}
