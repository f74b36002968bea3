export type { CalendarDay, CalendarFile, WallTime, Weekday, WorkingInterval } from './CalendarFile.js';
export { parseWallTime } from './parseWallTime.js';
export { instantAtWallClock, wallClockAt, type WallClock } from './wallClock.js';
export { WorkingCalendar, type WorkingTimeInterval } from './WorkingCalendar.js';
export { zonedLocalDate } from './zonedTime.js';
