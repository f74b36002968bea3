import type { ErrorKind } from '@aftersales/contract';

/** Every kind of failure the API reports (the contract's ErrorKind), mapped to an HTTP status in one table below. */
export type ErrorCode = ErrorKind;

export interface ErrorDetail {
  /** JSON pointer into the request payload (or the pack file) the detail is about. */
  pointer?: string;
  file?: string;
  line?: number;
  column?: number;
  code?: string;
  message: string;
  messageZh?: string;
}

export interface AppErrorOptions {
  details?: ErrorDetail[];
  /** The message in Chinese, for the people the UI shows it to (the API always has the English one). */
  messageZh?: string;
  /** With too_many_requests: when to try again, in whole seconds (the Retry-After header). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly messageZh?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? [];
    if (options.messageZh !== undefined) this.messageZh = options.messageZh;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The one code -> HTTP status table. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  quota_exceeded: 429,
  unprocessable: 422,
  approval_required: 409,
  blocked: 422,
  internal: 500,
};
