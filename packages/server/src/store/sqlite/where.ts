import type { Visibility } from '../paging.js';

/** A WHERE clause built from parts, with its parameters in order. */
export class Where {
  constructor(
    readonly parts: string[] = [],
    readonly params: unknown[] = [],
  ) {}
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  /** A copy with one more part (the cursor's), leaving this one as it is. */
  with(sql: string, ...params: unknown[]): Where {
    return new Where([...this.parts, sql], [...this.params, ...params]);
  }
  clause(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** The row's record is one the user may see (a primary-key lookup per row, so an ordered walk stays ordered). */
export function visibleRecord(table: string, visibleTo: Visibility, where: Where): string {
  const { username, stores } = visibleTo;
  where.params.push(username, username, ...stores);
  return `EXISTS (SELECT 1 FROM records r WHERE r.id = ${table}.record_id AND (r.created_by = ? OR r.assignee = ?${
    stores.length > 0 ? ` OR r.store IN (${stores.map(() => '?').join(', ')})` : ''
  }))`;
}
