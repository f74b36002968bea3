import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { components } from '@aftersales/contract';
import { client, startTestServer, type TestServer } from '../testing/startTestServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ importPack: false });
});
afterAll(() => server.close());

type Operation = {
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};

describe('the OpenAPI document', () => {
  it('when anyone asks for /api/v1/openapi.json, then every route is there with the request schemas that validate it', async () => {
    const { status, body } = await client(server.url)('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.paths['/records'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RecordCreate',
    });
    expect(body.paths['/records/{id}/transitions'].post.description).toMatch(/roles: admin, manager, staff; API key scope: records:write/);
    expect(body.components.schemas.RecordCreate).toEqual(JSON.parse(JSON.stringify(components.RecordCreate)));
    for (const item of Object.values(body.paths as Record<string, Record<string, Operation>>)) {
      for (const operation of Object.values(item)) {
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        if (ref) expect(body.components.schemas[ref.split('/').pop()!]).toBeDefined();
      }
    }
  });

  it('when an integrator reads an answer of a route, then its schema is there, and every route names the one error shape', async () => {
    const { body } = await client(server.url)('GET', '/openapi.json');
    expect(body.paths['/records/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RecordView',
    });
    expect(body.components.schemas.RecordView.required).toEqual(
      expect.arrayContaining(['id', 'rev', 'evaluation', 'transitions', 'deadlines']),
    );
    expect(body.paths['/auth/login'].post.responses['200'].content['application/json'].schema.properties.user).toEqual({
      $ref: '#/components/schemas/PublicUser',
    });
    expect(body.paths['/records'].get.parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query', schema: expect.objectContaining({ type: 'integer', maximum: 500 }) }),
    );
    for (const item of Object.values(body.paths as Record<string, Record<string, Operation>>))
      for (const operation of Object.values(item))
        expect(operation.responses['4XX']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(body.components.schemas.Error.properties.error.properties.details.type).toBe('array');
    expect(body.components.schemas.Error.properties.error.properties.problems).toBeUndefined();
  });

  it('when an integrator generates a client, then every answer has a type: JSON by schema, a file, no content, or streamed lines', async () => {
    const { body } = await client(server.url)('GET', '/openapi.json');
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(body.paths as Record<string, Record<string, Operation>>))
      for (const [method, operation] of Object.entries(item)) {
        const [status, success] = Object.entries(operation.responses).find(([code]) => /^2/.test(code))!;
        const typed =
          status === '204' || Object.values(success.content ?? {}).some((c) => c.schema.$ref || Object.keys(c.schema).length > 0);
        if (!typed) untyped.push(`${method} ${path}`);
      }
    expect(untyped).toEqual([]);
    expect(body.paths['/impact'].post.responses['200'].content['application/x-ndjson'].schema).toEqual({
      $ref: '#/components/schemas/ImpactStreamLine',
    });
    const line = body.components.schemas.ImpactStreamLine;
    expect(line.anyOf.map((branch: { properties: { type: { const: string } } }) => branch.properties.type.const)).toEqual([
      'start',
      'progress',
      'result',
      'error',
    ]);
  });

  it('when a person opens /api/docs, then the reference page lists the routes and who may call them', async () => {
    const page = await (await fetch(`${server.url}/api/docs`)).text();
    expect(page).toContain('<code>/api/v1/records/:id/transitions</code>');
    expect(page).toContain('key: definitions:write');
  });
});
