import type Database from 'better-sqlite3';
import type { AssignedFilter } from '../../assignedRecords.js';
import { prepared } from './prepared.js';

/**
 * Rows of the records assigned to a person, soonest due outstanding deadline first (an overdue one
 * before one still open; records without one last, newest first), a keyset page after `filter.after`
 * (one row more than the limit, to know whether more follow). A deadline is outstanding while open,
 * or breached and not yet met. Uses the index records_assignee and deadlines_record_state.
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
  let after = '';
  if (filter.after) {
    const [noDue, due, createdAt, id] = filter.after;
    // The order below as a row comparison: no_due and due ascending, created_at and id descending.
    after = `WHERE no_due > ? OR (no_due = ? AND (due > ? OR (due = ? AND (created_at < ? OR (created_at = ? AND id < ?)))))`;
    params.push(noDue, noDue, due, due, createdAt, createdAt, id);
  }
  params.push(filter.limit + 1);
  return prepared(
    db,
    `SELECT * FROM (
       SELECT id, form_id, form_version, rule_set_versions, status, data, store, assignee, created_by, created_at, updated_at, rev,
         next_due, next_due IS NULL AS no_due, coalesce(next_due, '') AS due
       FROM (SELECT r.*, (SELECT MIN(d.due_at) FROM deadlines d WHERE d.record_id = r.id AND d.due_at IS NOT NULL
               AND (d.state = 'open' OR (d.state = 'breached' AND json_extract(d.deadline, '$.metAt') IS NULL))) AS next_due
             FROM records r WHERE r.assignee = ?${excluded}))
     ${after}
     ORDER BY no_due, due, created_at DESC, id DESC LIMIT ?`,
  ).all(...params) as Record<string, unknown>[];
}
