import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { instantAtWallClock, type Locale } from '@aftersales/engine';
import { STORE_ZONE } from '../format';
import { FORMATS, PLACEHOLDERS, type DateKind } from './dateFormats';
import { onStoreClock, storeClockPicker } from './storeClockPicker';

/** What is kept of each kind: the browser's own inputs' values (a time as an ISO instant, UTC). */
const KEPT: Record<Exclude<DateKind, 'dateTime'>, string> = { date: 'YYYY-MM-DD', month: 'YYYY-MM' };

export interface LocalDatePickerProps {
  id?: string;
  label: string;
  value: unknown;
  kind: DateKind;
  locale: Locale;
  disabled?: boolean;
  required?: boolean;
  invalid?: boolean;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  /** The stores' zone, whose clock a date and time is read and picked on (default `STORE_ZONE`). */
  timeZone?: string;
  /** Open the calendar, focused, as it first shows (the box was tapped while its code loaded). */
  openAtOnce?: boolean;
}

/** The instant a date and time picked on the store's clock is (the fields of `onStoreClock`'s dayjs). */
function fromStoreClock(picked: Dayjs, timeZone: string): string {
  return instantAtWallClock(
    { year: picked.year(), month: picked.month() + 1, day: picked.date(), hour: picked.hour(), minute: picked.minute() },
    timeZone,
  );
}

/**
 * A date, a date and time, or a month in the person's own format (2025年10月9日 09:00 in Chinese,
 * 9 Oct 2025 in English) with Ant Design's calendar in their language; what is kept is what the
 * browser's own inputs kept: a date as YYYY-MM-DD, a month as YYYY-MM, a time as an ISO instant
 * (UTC), read and picked on the store's clock. Loaded with the first screen that has a date
 * (`DateInput`), not with the app.
 */
export default function LocalDatePicker(props: LocalDatePickerProps) {
  dayjs.locale(props.locale === 'zh-CN' ? 'zh-cn' : 'en');
  const text = typeof props.value === 'string' ? props.value : '';
  const kind = props.kind;
  const timeZone = props.timeZone ?? STORE_ZONE;
  // Strict: a day that does not exist (2026-13-45) is no day, not one rolled over into the next year.
  const parsed: Dayjs | null = text === '' ? null : kind === 'dateTime' ? onStoreClock(text, timeZone) : dayjs(text, KEPT[kind], true);
  // The calendar's today, 今天 and 此刻 are the store's (its own would be the browser's).
  const Picker = storeClockPicker(timeZone);
  return (
    <Picker
      id={props.id}
      aria-label={props.label}
      aria-required={props.required || undefined}
      status={props.invalid ? 'error' : ''}
      style={{ width: '100%' }}
      value={parsed?.isValid() ? parsed : null}
      format={FORMATS[props.locale][kind]}
      placeholder={PLACEHOLDERS[props.locale][kind]}
      picker={kind === 'month' ? 'month' : 'date'}
      showTime={kind === 'dateTime' ? { format: 'HH:mm' } : false}
      disabled={props.disabled}
      defaultOpen={props.openAtOnce && !props.disabled}
      autoFocus={props.openAtOnce && !props.disabled}
      // A phone opens the calendar, not the keyboard, when the box is tapped.
      inputReadOnly={typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches}
      classNames={{ popup: { root: 'local-date-popup' } }}
      onBlur={props.onBlur}
      onChange={(next: Dayjs | null) =>
        props.onChange(next ? (kind === 'dateTime' ? fromStoreClock(next, timeZone) : next.format(KEPT[kind])) : undefined)
      }
    />
  );
}
