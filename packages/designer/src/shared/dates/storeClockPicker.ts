import { DatePicker } from 'antd';
import dayjsConfig from '@rc-component/picker/generate/dayjs';
import dayjs, { type Dayjs } from 'dayjs';
import { wallClockAt } from '@aftersales/engine';

type Picker = ReturnType<typeof DatePicker.generatePicker<Dayjs>>;

const pickers = new Map<string, Picker>();

/**
 * A moment as the store's clock shows it, as a dayjs of the browser's own zone with the same fields
 * (Ant Design's calendar works in the browser's zone): 09:00 in Shanghai reads 09:00 on a computer
 * set to London too. Null for no moment.
 */
export function onStoreClock(at: string | number, timeZone: string): Dayjs | null {
  const wall = wallClockAt(at, timeZone);
  return wall && dayjs(new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
}

/**
 * Ant Design's date picker whose "now" is the store's clock in `timeZone`: the day it marks as today,
 * its 今天 and its 此刻 are the store's, whatever the computer's zone. One per zone, made once.
 */
export function storeClockPicker(timeZone: string): Picker {
  let picker = pickers.get(timeZone);
  if (picker === undefined) {
    picker = DatePicker.generatePicker<Dayjs>({ ...dayjsConfig, getNow: () => onStoreClock(Date.now(), timeZone) ?? dayjs() });
    pickers.set(timeZone, picker);
  }
  return picker;
}
