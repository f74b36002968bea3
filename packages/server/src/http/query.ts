import type { Request } from 'express';
import { AppError } from '../errors/AppError.js';

/** A query parameter as a plain string; arrays and objects (`?a[$ne]=x`) are refused. */
export function queryString(req: Request, name: string, options: { maxLength?: number } = {}): string | undefined {
  const value: unknown = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new AppError('bad_request', `query parameter "${name}" must be a single string`, {
      details: [{ pointer: `/query/${name}`, message: 'not a string' }],
    });
  if (value.length > (options.maxLength ?? 200))
    throw new AppError('bad_request', `query parameter "${name}" is too long`, {
      details: [{ pointer: `/query/${name}`, message: 'too long' }],
    });
  return value;
}
