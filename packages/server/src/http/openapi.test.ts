import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, type TestServer } from '../testing/startTestServer.js';
import { bodySchemas } from './schemas.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ importPack: false });
});
afterAll(() => server.close());

describe('the OpenAPI document', () => {
  it('when anyone asks for /api/v1/openapi.json, then every route is there with the request schemas that validate it', async () => {
    const { status, body } = await client(server.url)('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.paths['/records'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RecordCreate',
    });
    expect(body.paths['/records/{id}/transitions'].post.description).toMatch(/roles: admin, manager, staff; API key scope: records:write/);
    expect(body.components.schemas.RecordCreate).toEqual(JSON.parse(JSON.stringify(bodySchemas.RecordCreate)));
    for (const item of Object.values(
      body.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>,
    )) {
      for (const operation of Object.values(item)) {
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        if (ref) expect(body.components.schemas[ref.split('/').pop()!]).toBeDefined();
      }
    }
  });

  it('when a person opens /api/docs, then the reference page lists the routes and who may call them', async () => {
    const page = await (await fetch(`${server.url}/api/docs`)).text();
    expect(page).toContain('<code>/api/v1/records/:id/transitions</code>');
    expect(page).toContain('key: definitions:write');
  });
});
