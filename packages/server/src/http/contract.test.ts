import { describe, expect, it } from 'vitest';
import { allEndpoints } from '@aftersales/contract';
import { apiRoutes } from './routes/apiRoutes.js';
import { checkAnswer } from '../testing/checkAnswer.js';

const routes = apiRoutes({} as never);
const propertyNames = (schema: unknown) => Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
const name = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

describe('the route contract', () => {
  it('when the route table is read, then every route declares its contract endpoint (body, query, params and response schemas)', () => {
    // A route added the old way (`body: 'Name'`, `req.body as ...`) is listed here: declare its endpoint in
    // packages/contract/src/endpoints and build it with route() of http/typedRoute.ts.
    const missing = routes.filter((r) => !r.endpoint).map(name);
    expect(missing, `routes without a contract endpoint:\n  ${missing.join('\n  ')}`).toEqual([]);
  });

  it('when a route declares an endpoint, then method and path are the endpoint’s, and its path parameters are all declared', () => {
    for (const route of routes) {
      const endpoint = route.endpoint;
      if (!endpoint) continue;
      expect(name(endpoint)).toBe(name(route));
      const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const declared = propertyNames(endpoint.params).sort();
      expect(declared, name(route)).toEqual(inPath);
    }
  });

  it('when the contract is read, then every endpoint is served by exactly one route', () => {
    const served = new Set(routes.map(name));
    expect(
      allEndpoints()
        .map(name)
        .filter((e) => !served.has(e)),
    ).toEqual([]);
  });

  it('when an answer differs from its declared schema, then the tests’ request helper fails with the place it differs', () => {
    expect(() => checkAnswer('GET', '/auth/me', 200, { user: { id: 'u1', username: 'a' } }, 'application/json')).toThrow(
      /\/user must have required property 'displayName'/,
    );
    expect(() => checkAnswer('POST', '/records', 200, {}, 'application/json')).toThrow(/answered 200, the contract says 201/);
    expect(() => checkAnswer('GET', '/records/r1', 404, { error: { code: 'not_found' } }, 'application/json')).toThrow(
      /must have required property 'message'/,
    );
    expect(() => checkAnswer('GET', '/auth/me', 200, { user: null }, 'application/json')).not.toThrow();
  });
});
