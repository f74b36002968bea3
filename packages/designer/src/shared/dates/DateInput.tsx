import { lazy, Suspense, useState, type ComponentType } from 'react';
import { Input } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import { dateText, PLACEHOLDERS } from './dateFormats';
import type { LocalDatePickerProps } from './LocalDatePicker';

type Picker = ComponentType<LocalDatePickerProps>;

/** The calendar's code once it is in, and its loading (once; again after a failure). */
let loaded: Picker | undefined;
let loading: Promise<Picker> | undefined;

function loadPicker(): Promise<Picker> {
  loading ??= import('./LocalDatePicker').then(
    (m) => (loaded = m.default),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const LazyPicker = lazy(() => loadPicker().then((picker) => ({ default: picker })));

/**
 * Starts loading the calendar's code ahead of the first date box (a screen that will have one, on
 * opening): the box is then the calendar from its first paint. A failure is left to the box to show.
 */
export function preloadDatePicker(): void {
  loadPicker().catch(() => undefined);
}

/**
 * A date, date and time, or month box in the person's language and format (`LocalDatePicker`,
 * loaded with the first screen that has one, or ahead of it: `preloadDatePicker`): the browser's
 * own date inputs read mm/dd/yyyy in a Chinese page when the browser is English.
 */
export function DateInput(props: Omit<LocalDatePickerProps, 'locale'>) {
  const { locale } = useI18n();
  // The calendar's code already in: the calendar at once, with no round through Suspense (a box
  // keeps the one it started with, so that it is never remade under the person's hands).
  const [Picker] = useState<Picker>(() => loaded ?? LazyPicker);
  // A box tapped while the calendar loads opens as soon as it is in (not a tap lost).
  const [tapped, setTapped] = useState(false);
  return (
    // While the calendar loads (once), the date as the calendar will show it, read-only.
    <Suspense
      fallback={
        <Input
          id={props.id}
          aria-label={props.label}
          aria-required={props.required || undefined}
          status={props.invalid ? 'error' : ''}
          value={dateText(props.value, props.kind, locale, props.timeZone)}
          placeholder={PLACEHOLDERS[locale][props.kind]}
          disabled={props.disabled}
          readOnly
          onClick={() => setTapped(true)}
          onKeyDown={(e) => e.key === 'Enter' && setTapped(true)}
        />
      }
    >
      <Picker {...props} locale={locale} openAtOnce={tapped} />
    </Suspense>
  );
}
