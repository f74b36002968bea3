import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@aftersales/engine';

/** How a date reads to the person (the first format) and what typing may give (the others, for a date typed the ISO way). */
const FORMATS: Record<Locale, { date: string[]; dateTime: string[] }> = {
  'zh-CN': {
    date: ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYY/M/D'],
    dateTime: ['YYYY年M月D日 HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY/M/D HH:mm'],
  },
  en: {
    date: ['D MMM YYYY', 'YYYY-MM-DD', 'D/M/YYYY'],
    dateTime: ['D MMM YYYY HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'D/M/YYYY HH:mm'],
  },
};

export interface LocalDatePickerProps {
  id: string;
  label: string;
  value: unknown;
  withTime: boolean;
  locale: Locale;
  disabled: boolean;
  required: boolean;
  invalid: boolean;
  onChange: (value: string | undefined) => void;
  onBlur: () => void;
}

/**
 * A date (or date and time) in the person's own format (2025年10月9日 09:00 in Chinese, 9 Oct 2025
 * in English) with Ant Design's calendar in their language; the record keeps what the browser's
 * own inputs kept: a date as YYYY-MM-DD, a time as an ISO instant (UTC). Loaded with the first form
 * that has a date field, not with the app.
 */
export default function LocalDatePicker(props: LocalDatePickerProps) {
  dayjs.locale(props.locale === 'zh-CN' ? 'zh-cn' : 'en');
  const text = typeof props.value === 'string' ? props.value : '';
  const parsed: Dayjs | null = text === '' ? null : props.withTime ? dayjs(text) : dayjs(text, 'YYYY-MM-DD');
  const formats = FORMATS[props.locale][props.withTime ? 'dateTime' : 'date'];
  return (
    <DatePicker
      id={props.id}
      aria-label={props.label}
      aria-required={props.required || undefined}
      status={props.invalid ? 'error' : ''}
      style={{ width: '100%' }}
      value={parsed?.isValid() ? parsed : null}
      format={formats}
      showTime={props.withTime ? { format: 'HH:mm' } : false}
      disabled={props.disabled}
      // A phone opens the calendar, not the keyboard, when the box is tapped.
      inputReadOnly={typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches}
      classNames={{ popup: { root: 'local-date-popup' } }}
      onBlur={props.onBlur}
      onChange={(next: Dayjs | null) =>
        props.onChange(next ? (props.withTime ? next.second(0).millisecond(0).toISOString() : next.format('YYYY-MM-DD')) : undefined)
      }
    />
  );
}
