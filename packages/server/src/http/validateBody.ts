import { createAjv, localizeAjvErrors } from '@aftersales/engine';
import { DomainError } from '../errors/DomainError.js';
import { bodySchemas, type BodySchemaName } from './schemas.js';

const ajv = createAjv({ allErrors: true });
type ValidateFunction = ReturnType<typeof ajv.compile>;
const compiled = new Map<BodySchemaName, ValidateFunction>();

/** Checks a request body against its schema; a 400 with a pointer per problem otherwise. */
export function validateBody<T>(name: BodySchemaName, body: unknown): T {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(bodySchemas[name]);
    compiled.set(name, validate);
  }
  if (!validate(body)) {
    throw new DomainError(
      'body.invalid',
      {},
      {
        details: localizeAjvErrors(validate.errors).map((e) => ({
          pointer: e.keyword === 'additionalProperties' ? `${e.pointer}/${String(e.params.additionalProperty)}` : e.pointer,
          code: e.keyword,
          message: e.message.en,
          messageZh: e.message['zh-CN'],
        })),
      },
    );
  }
  return body as T;
}
