import { pickText, type Locale, type LocalizedText, type Problem } from '@aftersales/engine';

/** A refused or failed API call: HTTP status, the server's string code, and pointers into the payload when it has them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[];
  readonly localized?: LocalizedText;
  /** With 429: seconds until the server takes the request again. */
  readonly retryAfterSeconds?: number;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    problems?: Problem[];
    localized?: LocalizedText;
    retryAfterSeconds?: number;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.problems = options.problems ?? [];
    if (options.localized) this.localized = options.localized;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether the server pointed at this field of the payload (e.g. "/password"). */
  pointsAt(pointer: string): boolean {
    return this.problems.some((p) => (p as { pointer?: unknown }).pointer === pointer);
  }

  /** The server's message in the person's language, when it sent it in both. */
  messageIn(locale: Locale): string {
    return this.localized ? pickText(this.localized, locale) : this.message;
  }
}
