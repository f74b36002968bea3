import type { ErrorRequestHandler } from 'express';
import type { ErrorBody, Static } from '@aftersales/contract';
import { AppError, HTTP_STATUS } from '../errors/AppError.js';
import { DomainError } from '../errors/DomainError.js';

/**
 * The one error middleware, and the one place errors become the wire shape (the contract's ErrorBody):
 * AppError by its code (a DomainError also with its catalog code and params, so the web app can
 * word it), body-parser failures as 400/413, anything else a logged 500.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const appError = toAppError(error);
  if (appError.code === 'internal') console.error(error);
  if (appError.retryAfterSeconds !== undefined) res.set('Retry-After', String(appError.retryAfterSeconds));
  res.status(HTTP_STATUS[appError.code]).json(errorAnswer(appError));
};

/** An error as the contract's ErrorBody: the one wire shape of a refusal (also the error line of a streamed answer). */
export function errorAnswer(appError: AppError): Static<typeof ErrorBody> {
  return {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.messageZh ? { messageZh: appError.messageZh } : {}),
      ...(appError instanceof DomainError ? { reason: String(appError.reason), params: appError.params } : {}),
      ...(appError.retryAfterSeconds !== undefined ? { retryAfterSeconds: appError.retryAfterSeconds } : {}),
      ...(appError.details.length > 0 ? { details: appError.details } : {}),
    },
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new DomainError('body.notJson', { problem: (error as Error).message });
  if (type === 'entity.too.large') {
    const limit = (error as { limit?: unknown }).limit;
    const mib = typeof limit === 'number' ? `${Math.round((limit / 1_048_576) * 10) / 10} MiB` : 'the limit';
    return new DomainError('body.tooLarge', { limit: mib });
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new DomainError('body.badEncoding', {});
  return new DomainError('server.internal', {}, { cause: error });
}
