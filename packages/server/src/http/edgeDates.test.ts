import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn('admin', server.adminPassword);
});
afterAll(() => server.close());

const call = {
  ticketNo: 'EDGE-1',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  zone: 'urban',
  serviceType: 'repair',
  technician: '王师傅',
};

describe('POST /records with call times at the edges of the years 0001-9999', () => {
  it.each(['0001-01-01T08:00:00+08:00', '0100-01-01T00:00:00+08:00', '9999-12-31T20:00:00+08:00'])(
    'when the call time is %s, then the record is created (201) and reads back, never a 500',
    async (callTime) => {
      const created = await admin('POST', '/records', { form: 'after-sales-record', data: { ...call, callTime } });
      expect(created.status).toBe(201);
      const read = await admin('GET', `/records/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body.data.callTime).toBe(callTime);
    },
  );

  it('when the call time is in year 1, then the arrival is due that day in year 1 (not 1901)', async () => {
    const created = await admin('POST', '/records', {
      form: 'after-sales-record',
      data: { ...call, callTime: '0001-01-01T08:00:00+08:00' },
    });
    const arrival = (created.body.evaluation.outcome.deadlines as { key: string; dueAt: string | null }[]).find((d) => d.key === 'arrival');
    expect(arrival?.dueAt?.slice(0, 4)).toBe('0001');
  });

  it('when the call time is the last evening of 9999, then the deadlines beyond it are unknown (no due time)', async () => {
    const created = await admin('POST', '/records', {
      form: 'after-sales-record',
      data: { ...call, callTime: '9999-12-31T20:00:00+08:00' },
    });
    const arrival = (created.body.evaluation.outcome.deadlines as { key: string; dueAt: string | null }[]).find((d) => d.key === 'arrival');
    expect(arrival?.dueAt ?? null).toBeNull();
  });
});

describe('POST /pack with a null where a schema belongs', () => {
  it('when a form schema property is null, then the push answers its problem with a pointer (not a 500) and writes nothing', async () => {
    const form = {
      $schema: '../schemas/meta/form.schema.json',
      id: 'null-property',
      title: { 'zh-CN': '空属性', en: 'Null property' },
      schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { a: null } },
    };
    const pushed = await admin('POST', '/pack', {
      files: [{ path: 'schemas/null-property.form.json', content: JSON.stringify(form, null, 2) }],
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.valid).toBe(false);
    expect(pushed.body.problems).toContainEqual(expect.objectContaining({ pointer: '/schema/properties/a', code: 'form.notASchema' }));
    expect((await admin('GET', '/forms/null-property')).status).toBe(404);
  });
});
