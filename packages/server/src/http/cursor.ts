import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';

/**
 * Keyset paging: a cursor is the sort key of the last row of a page (e.g. [createdAt, id]), as
 * opaque base64url JSON. The next page starts after it, so pages stay fast and do not shift when
 * rows are added in front.
 */
export type SortKey = (string | number | null)[];

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The `cursor` query parameter (a string of at most 1000 characters, checked against the endpoint's
 * query schema) as a sort key of `length` parts; a cursor this server did not make is a 400.
 */
export function queryCursor(text: string | undefined, length: number): SortKey | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw badCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((part) => part === null || (typeof part === 'string' && part.length <= 200) || Number.isFinite(part))
  )
    throw badCursor();
  return key as SortKey;
}

/** The refusal of a cursor this server did not make (or made for another list). */
export function badCursor(): DomainError {
  return new DomainError('list.badCursor', {}, { details: [domainDetail('/query/cursor', 'detail.badCursor', {})] });
}
