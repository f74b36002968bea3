import type Database from 'better-sqlite3';
import type { AssignedFilter } from '../../assignedRecords.js';

/**
 * Rows of the records assigned to a person, soonest due outstanding deadline first (an overdue one
 * before one still open; records without one last, newest first). A deadline is outstanding while
 * open, or breached and not yet met. Uses the index records_assignee and deadlines_record_state.
 */
export function assignedRecordRows(db: Database.Database, filter: AssignedFilter): Record<string, unknown>[] {
  const params: unknown[] = [filter.assignee];
  const excluded = filter.exclude
    .filter((e) => e.statuses.length > 0)
    .map((e) => {
      params.push(e.formId, ...e.statuses);
      return ` AND NOT (r.form_id = ? AND r.status IN (${e.statuses.map(() => '?').join(', ')}))`;
    })
    .join('');
  params.push(filter.limit);
  return db
    .prepare(
      `SELECT r.*, (SELECT MIN(d.due_at) FROM deadlines d WHERE d.record_id = r.id AND d.due_at IS NOT NULL
          AND (d.state = 'open' OR (d.state = 'breached' AND json_extract(d.deadline, '$.metAt') IS NULL))) AS next_due
       FROM records r WHERE r.assignee = ?${excluded}
       ORDER BY next_due IS NULL, next_due, r.created_at DESC, r.id DESC LIMIT ?`,
    )
    .all(...params) as Record<string, unknown>[];
}
