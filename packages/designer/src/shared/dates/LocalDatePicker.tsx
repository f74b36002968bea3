import { useState } from 'react';
import { Button, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { instantAtWallClock, wallClockAt, type Locale } from '@aftersales/engine';
import { STORE_ZONE } from '../format';
import { FORMATS, PLACEHOLDERS, type DateKind } from './dateFormats';
import { storeDay } from './storeDay';

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
}

/**
 * A date and time as the store's clock shows it, as a dayjs of the browser's own zone with the same
 * fields (Ant Design's calendar works in the browser's zone): 09:00 in Shanghai reads 09:00 on a
 * computer set to London too.
 */
function onStoreClock(text: string, timeZone: string): Dayjs | null {
  const wall = wallClockAt(text, timeZone);
  return wall && dayjs(new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
}

/** The instant a date and time picked on the store's clock is (the fields of `onStoreClock`'s dayjs). */
function fromStoreClock(picked: Dayjs, timeZone: string): string {
  return instantAtWallClock(
    { year: picked.year(), month: picked.month() + 1, day: picked.date(), hour: picked.hour(), minute: picked.minute() },
    timeZone,
  );
}

/** Whether the browser's clock shows what the store's shows now (for a date: the same day). */
function sameClockNow(timeZone: string, kind: DateKind): boolean {
  const now = new Date();
  const wall = wallClockAt(now.getTime(), timeZone);
  if (wall === null || wall.day !== now.getDate()) return false;
  return kind !== 'dateTime' || (wall.hour === now.getHours() && wall.minute === now.getMinutes());
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
  const [open, setOpen] = useState(false);
  // The calendar's 此刻 and 今天 pick the browser's now and day: when the browser's clock is not the
  // store's, the store's are offered instead (a time kept as it is, to the minute).
  const ownNow = kind !== 'month' && !sameClockNow(timeZone, kind);
  const pickStoreNow = () => {
    props.onChange(kind === 'dateTime' ? new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString() : storeDay(Date.now(), timeZone));
    setOpen(false);
  };
  const nowWord = kind === 'dateTime' ? (props.locale === 'zh-CN' ? '此刻' : 'Now') : props.locale === 'zh-CN' ? '今天' : 'Today';
  return (
    <DatePicker
      // Opened and closed by the calendar itself, except that the store's 此刻 closes it too.
      open={ownNow ? open : undefined}
      onOpenChange={ownNow ? setOpen : undefined}
      showNow={ownNow ? false : undefined}
      renderExtraFooter={
        ownNow
          ? () => (
              <Button size="small" type="link" onClick={pickStoreNow}>
                {nowWord}
              </Button>
            )
          : undefined
      }
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
