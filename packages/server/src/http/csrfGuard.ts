import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/DomainError.js';
import { SESSION_COOKIE } from './authenticate.js';

/** The header the web app sends on every write; a cross-site page cannot send it without a CORS preflight (which is never granted). */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'aftersales';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for cookie-authenticated writes. A browser attaches the session
 * cookie to a form post from another site or another port of the same host (same-site cookies do
 * not tell ports apart), but such a post can only be `text/plain`, form-encoded or multipart, and
 * carry no custom header. So a state-changing request that carries the session cookie and no
 * Authorization header must either declare `Content-Type: application/json` or send
 * `X-Requested-With: aftersales` (uploads and body-less posts send the header). API-key and bearer
 * callers are not affected: a browser never adds their Authorization header on its own.
 */
export function csrfGuard(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || req.headers.authorization) return next();
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  if (typeof cookie !== 'string' || cookie === '') return next();
  if (req.get(CSRF_HEADER) === CSRF_HEADER_VALUE || isJson(req.get('content-type'))) return next();
  next(new DomainError('auth.crossSite', { header: CSRF_HEADER, value: CSRF_HEADER_VALUE }));
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
