import { pickText, type Locale, type LocalizedText, type Problem } from '@aftersales/engine';

/** A refused or failed API call: HTTP status, the server's string code, and pointers into the payload when it has them. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[];
  readonly localized?: LocalizedText;

  constructor(options: { status: number; code: string; message: string; problems?: Problem[]; localized?: LocalizedText }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.problems = options.problems ?? [];
    if (options.localized) this.localized = options.localized;
  }

  /** The server's message in the person's language, when it sent it in both. */
  messageIn(locale: Locale): string {
    return this.localized ? pickText(this.localized, locale) : this.message;
  }
}
