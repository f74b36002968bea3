import { lazy, Suspense } from 'react';
import { Input } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import type { LocalDatePickerProps } from './LocalDatePicker';

const LocalDatePicker = lazy(() => import('./LocalDatePicker'));

/**
 * A date, date and time, or month box in the person's language and format (`LocalDatePicker`,
 * loaded with the first screen that has one): the browser's own date inputs read mm/dd/yyyy in a
 * Chinese page when the browser is English.
 */
export function DateInput(props: Omit<LocalDatePickerProps, 'locale'>) {
  const { locale } = useI18n();
  return (
    // While the calendar loads (once), a box that shows nothing wrong.
    <Suspense fallback={<Input id={props.id} aria-label={props.label} disabled value="" readOnly />}>
      <LocalDatePicker {...props} locale={locale} />
    </Suspense>
  );
}
