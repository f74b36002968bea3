import { problemMessages, toPointer, type UnsafeJson } from '@aftersales/engine';
import { DomainError } from '../errors/DomainError.js';

/** The refusal of a body with a `__proto__` key, too deep or too large: the engine's words for the problem, at its pointer. */
export function unsafeBody(unsafe: UnsafeJson): DomainError {
  const problem = problemMessages[unsafe.code]({ limit: unsafe.limit ?? '', key: unsafe.key ?? '' });
  return new DomainError(
    'body.unsafe',
    { problemEn: problem.en, problemZh: problem['zh-CN'] },
    { details: [{ pointer: toPointer(unsafe.path), code: unsafe.code, message: problem.en, messageZh: problem['zh-CN'] }] },
  );
}
