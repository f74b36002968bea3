export type { CalendarDay, CalendarFile, WallTime, Weekday, WorkingInterval } from './CalendarFile.js';
export { parseWallTime } from './parseWallTime.js';
export { WorkingCalendar, type WorkingTimeInterval } from './WorkingCalendar.js';
