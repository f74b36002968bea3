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

/** `{ [key]: value }` for a query parameter that is given and not empty, else `{}`: spread into a filter. */
export function queryFilter<K extends string>(req: Request, name: string, key: K): Partial<Record<K, string>> {
  const value = queryString(req, name);
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** A whole-number query parameter within bounds, or the default. */
export function queryInt(req: Request, name: string, fallback: number, bounds: { min: number; max: number }): number {
  const text = queryString(req, name, { maxLength: 12 });
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new AppError('bad_request', `query parameter "${name}" must be a whole number from ${bounds.min} to ${bounds.max}`, {
      details: [{ pointer: `/query/${name}`, message: 'out of range' }],
    });
  }
  return value;
}

/** One of a fixed set of values, or undefined. */
export function queryEnum<T extends string>(req: Request, name: string, values: readonly T[]): T | undefined {
  const text = queryString(req, name);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text))
    throw new AppError('bad_request', `query parameter "${name}" must be one of ${values.join(', ')}`, {
      details: [{ pointer: `/query/${name}`, message: 'unknown value' }],
    });
  return text as T;
}
