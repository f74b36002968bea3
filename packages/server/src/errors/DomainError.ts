import { serverErrorMessage, serverErrors, type ServerErrorCode, type ServerErrorParams } from '@aftersales/contract';
import { AppError, type ErrorDetail } from './AppError.js';

/**
 * A failure of the domain by name: a code of the server error catalog (packages/contract
 * errors/serverErrors.ts) and its params. No HTTP status and no text at the throw site: the
 * catalog holds the kind and both messages, and the error handler turns it into the wire shape.
 */
export class DomainError<C extends ServerErrorCode = ServerErrorCode> extends AppError {
  /** The values of the message's `{name}` placeholders, sent along so the web app words it in the person's language. */
  readonly params: Record<string, string | number>;

  constructor(
    readonly reason: C,
    params: ServerErrorParams<C>,
    options: { details?: ErrorDetail[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    const message = serverErrorMessage(reason, params);
    super(serverErrors[reason].kind, message.en, { ...options, messageZh: message['zh-CN'] });
    this.params = params;
  }
}
