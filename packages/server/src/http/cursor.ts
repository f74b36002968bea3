import type { Request } from 'express';
import { DomainError } from '../errors/DomainError.js';
import { queryString } from './query.js';

/**
 * Keyset paging: a cursor is the sort key of the last row of a page (e.g. [createdAt, id]), as
 * opaque base64url JSON. The next page starts after it, so pages stay fast and do not shift when
 * rows are added in front.
 */
export type SortKey = (string | number | null)[];

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The `cursor` query parameter as a sort key of `length` parts; a cursor this server did not make is a 400. */
export function queryCursor(req: Request, length: number): SortKey | undefined {
  const text = queryString(req, 'cursor', { maxLength: 1000 });
  if (text === undefined || text === '') return undefined;
  const bad = () =>
    new DomainError(
      'list.badCursor',
      {},
      {
        details: [{ pointer: '/query/cursor', message: 'invalid cursor' }],
      },
    );
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw bad();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((part) => part === null || (typeof part === 'string' && part.length <= 200) || Number.isFinite(part))
  )
    throw bad();
  return key as SortKey;
}
