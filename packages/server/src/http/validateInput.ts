import type { Request } from 'express';
import type { Endpoint, TSchema } from '@aftersales/contract';
import { createAjv, findUnsafeJson, localizeAjvErrors } from '@aftersales/engine';
import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import { unsafeBody } from './unsafeBody.js';

// Query and path parameters arrive as text: coerced to the declared types, defaults filled in.
const textAjv = createAjv({ allErrors: true, coerceTypes: true, useDefaults: true });
const bodyAjv = createAjv({ allErrors: true });
type Validate = ReturnType<typeof bodyAjv.compile>;
const compiled = new WeakMap<TSchema, { text?: Validate; body?: Validate }>();

function validator(schema: TSchema, kind: 'text' | 'body'): Validate {
  const entry = compiled.get(schema) ?? {};
  compiled.set(schema, entry);
  return (entry[kind] ??= (kind === 'text' ? textAjv : bodyAjv).compile(schema));
}

function details(validate: Validate, prefix: string) {
  return localizeAjvErrors(validate.errors).map((e) => ({
    pointer: prefix + (e.keyword === 'additionalProperties' ? `${e.pointer}/${String(e.params.additionalProperty)}` : e.pointer),
    code: e.keyword,
    message: e.message.en,
    messageZh: e.message['zh-CN'],
  }));
}

/** Checks a request against its endpoint's schemas: a 400 with a pointer per problem; the checked values otherwise. */
export function validateInput(endpoint: Endpoint, req: Request): { body: unknown; query: unknown; params: unknown } {
  const params: Record<string, unknown> = { ...req.params };
  if (endpoint.params) {
    const validate = validator(endpoint.params, 'text');
    if (!validate(params)) throw new DomainError('params.invalid', {}, { details: details(validate, '/params') });
  }
  const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
  if (endpoint.query) {
    const validate = validator(endpoint.query, 'text');
    if (!validate(query)) {
      const found = details(validate, '/query');
      const name = found[0]?.pointer.split('/')[2] ?? '';
      throw new DomainError(
        'query.invalid',
        { name, problemEn: found[0]?.message ?? '', problemZh: found[0]?.messageZh ?? '' },
        { details: found },
      );
    }
    // ajv's coercion turns "1e309" into Infinity and lets it through the bounds: refused here.
    const infinite = Object.keys(query).find((key) => typeof query[key] === 'number' && !Number.isFinite(query[key]));
    if (infinite)
      throw new DomainError(
        'query.notFinite',
        { name: infinite },
        { details: [domainDetail(`/query/${infinite}`, 'detail.finite', {}, 'type')] },
      );
  }
  let body: unknown = req.body;
  if (endpoint.body) {
    body = req.body ?? {};
    const unsafe = findUnsafeJson(body);
    if (unsafe) throw unsafeBody(unsafe);
    const validate = validator(endpoint.body, 'body');
    if (!validate(body)) throw new DomainError('body.invalid', {}, { details: details(validate, '') });
  }
  return { body, query, params };
}
