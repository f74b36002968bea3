import { isServerErrorCode, serverErrorMessage, type ErrorDetail, type Static } from '@aftersales/contract';
import { pickText, type Locale, type LocalizedText } from '@aftersales/engine';

/** A detail of a refusal as the server sends it (contract ErrorDetail): where, what, in both languages. */
export type ProblemDetail = Static<typeof ErrorDetail>;

/** A refused or failed API call: HTTP status, the server's string code, and pointers into the payload when it has them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: ProblemDetail[];
  readonly localized?: LocalizedText;
  /** The exact failure, a code of the server error catalog (contract serverErrors), and the values of its message. */
  readonly reason?: string;
  readonly params?: Record<string, string | number>;
  /** With 429: seconds until the server takes the request again. */
  readonly retryAfterSeconds?: number;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    problems?: ProblemDetail[];
    localized?: LocalizedText;
    reason?: string;
    params?: Record<string, string | number>;
    retryAfterSeconds?: number;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.problems = options.problems ?? [];
    if (options.localized) this.localized = options.localized;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.params !== undefined) this.params = options.params;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether the server pointed at this field of the payload (e.g. "/password"). */
  pointsAt(pointer: string): boolean {
    return this.problems.some((p) => p.pointer === pointer);
  }

  /** The server's message in the person's language: from the shared error catalog by its code, else as the server sent it. */
  messageIn(locale: Locale): string {
    if (isServerErrorCode(this.reason)) return pickText(serverErrorMessage(this.reason, (this.params ?? {}) as never), locale);
    return this.localized ? pickText(this.localized, locale) : this.message;
  }
}
