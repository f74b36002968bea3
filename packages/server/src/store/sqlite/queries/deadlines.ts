import type Database from 'better-sqlite3';
import type { Row } from '../rows.js';
import { prepared } from './prepared.js';

/** Open deadlines counted on a calendar, by record and key after a cursor (index deadlines_open_calendar). */
export function pageOpenDeadlinesOnCalendar(db: Database.Database, calendarId: string, limit: number, after?: [string, string]): Row[] {
  const cursor = after ? ' AND (record_id > ? OR (record_id = ? AND key > ?))' : '';
  return prepared(
    db,
    `SELECT * FROM deadlines WHERE state = 'open' AND json_extract(deadline, '$.calendar') = ?${cursor} ORDER BY record_id, key LIMIT ?`,
  ).all(calendarId, ...(after ? [after[0], after[0], after[1]] : []), limit) as Row[];
}
