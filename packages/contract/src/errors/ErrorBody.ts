import Type from 'typebox';
import { ErrorDetail } from '../shapes.js';

/** The one error answer of every route: `{ error: { code, message, messageZh?, reason?, params?, retryAfterSeconds?, details? } }`. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'the kind of failure (bad_request, not_found, ...); it decides the HTTP status' }),
    message: Type.String({ description: 'in English' }),
    messageZh: Type.Optional(Type.String({ description: 'in Chinese' })),
    reason: Type.Optional(Type.String({ description: 'the exact failure, a key of the server error catalog' })),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
    retryAfterSeconds: Type.Optional(Type.Integer({ description: 'with 429: as the Retry-After header' })),
    details: Type.Optional(Type.Array(ErrorDetail, { description: 'one per problem, each with a pointer where it has one' })),
  }),
});
