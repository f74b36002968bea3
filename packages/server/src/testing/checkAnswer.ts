import { allEndpoints, ErrorBody, type Endpoint, type TSchema } from '@aftersales/contract';
import { createAjv } from '@aftersales/engine';

const ajv = createAjv({ allErrors: true });
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>();
const validatorOf = (schema: TSchema) => {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  return validate;
};

const matchers = allEndpoints().map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^${endpoint.path.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+')}$`),
  literal: !endpoint.path.includes(':'),
}));

/** The contract endpoint of a request (a literal path before a parameter: /fines/export, not /fines/:id). */
export function endpointOf(method: string, path: string): Endpoint | undefined {
  const bare = path.split('?')[0]!;
  const found = matchers.filter((m) => m.endpoint.method === method.toLowerCase() && m.pattern.test(bare));
  return (found.find((m) => m.literal) ?? found[0])?.endpoint;
}

/**
 * Checks an answer of the API against its contract: a success against the endpoint's declared
 * response schema (and status), an error against the one error shape. Throws with every mismatch.
 */
export function checkAnswer(method: string, path: string, status: number, body: unknown, contentType: string | null): void {
  const endpoint = endpointOf(method, path);
  if (!endpoint) return; // a route not in the contract yet: listed by contract.test.ts
  const json = (contentType ?? '').includes('application/json');
  let schema: TSchema | undefined;
  if (status >= 400) schema = json ? ErrorBody : undefined;
  else if (status >= 200 && status < 300) {
    const expected = endpoint.status ?? 200;
    if (status !== expected) throw new Error(`${method} ${path}: answered ${status}, the contract says ${expected}`);
    if (endpoint.file || status === 204) return;
    if (!endpoint.response) throw new Error(`${method} ${path}: answered JSON, the contract declares no response`);
    schema = endpoint.response;
  }
  if (!schema) return;
  const validate = validatorOf(schema);
  if (!validate(body))
    throw new Error(
      `${method} ${path} (${status}): the answer does not match the contract:\n` +
        (validate.errors ?? []).map((e) => `  ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n'),
    );
}
