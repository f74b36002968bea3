import { serverErrorMessage, type ServerErrorCode, type ServerErrorParams } from '@aftersales/contract';
import type { ErrorDetail } from './AppError.js';

/**
 * A detail of a refusal from the server error catalog: where (a pointer into the payload), which
 * code (the catalog key unless `code` names another), and its message in both languages.
 */
export function domainDetail<C extends ServerErrorCode>(
  pointer: string,
  reason: C,
  params: ServerErrorParams<C>,
  code: string = reason,
): ErrorDetail {
  const message = serverErrorMessage(reason, params);
  return { pointer, code, message: message.en, messageZh: message['zh-CN'] };
}
