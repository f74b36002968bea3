import type Database from 'better-sqlite3';
import type { Row } from '../rows.js';
import { prepared } from './prepared.js';

/** Open deadlines counted on a calendar, by record and key after a cursor (index deadlines_open_calendar). */
export function pageOpenDeadlinesOnCalendar(db: Database.Database, calendarId: string, limit: number, after?: [string, string]): Row[] {
  // A row-value cursor: the index range starts at the cursor (an OR of two ranges would re-read and sort every row after it, per page).
  const cursor = after ? ' AND (record_id, key) > (?, ?)' : '';
  return prepared(
    db,
    `SELECT * FROM deadlines WHERE state = 'open' AND json_extract(deadline, '$.calendar') = ?${cursor} ORDER BY record_id, key LIMIT ?`,
  ).all(calendarId, ...(after ?? []), limit) as Row[];
}
