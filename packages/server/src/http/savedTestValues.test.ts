import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn('admin', server.adminPassword);
});
afterAll(() => server.close());

describe('publishing a rule set whose saved test cases expect values', () => {
  it('when a saved case expects another due time, then publish is refused (422) with expected and actual in zh-CN and English, and nothing is published', async () => {
    const current = await admin('GET', '/rule-sets/after-sales-record.turnaround');
    const definition = structuredClone(current.body.published.definition);
    const version = current.body.published.version as number;
    definition.tests[0].expect = { deadlines: { arrival: '2025-10-09 16:00' } };
    expect((await admin('PUT', '/rule-sets/after-sales-record.turnaround/draft', { definition })).status).toBe(200);
    const published = await admin('POST', '/rule-sets/after-sales-record.turnaround/publish', {});
    expect(published.status).toBe(422);
    expect(published.body.error.details).toEqual([
      {
        pointer: '/tests/0/expect',
        code: 'test.valueDiffers',
        message: 'Urban call: Due time of "Arrive on site": expected 2025-10-09 16:00, actual 2025-10-09 17:00',
        messageZh: '市区报修来电：期限“到场”的到期时间：预期 2025-10-09 16:00，实际 2025-10-09 17:00',
      },
    ]);
    expect((await admin('GET', '/rule-sets/after-sales-record.turnaround')).body.published.version).toBe(version);
  });

  it('when saved cases expect other rules or hold an invalid record, then the refusal names each case and rule by what people read, in each language', async () => {
    const current = await admin('GET', '/rule-sets/after-sales-record.turnaround');
    const definition = structuredClone(current.body.published.definition);
    definition.tests[0].expectFired = ['T1-suburban', 'T12-dispatch-today'];
    // A case pushed by an integrator before names were bilingual: one string, shown as is in both languages.
    definition.tests[1].name = 'old call';
    definition.tests[1].record = { zone: 'urban' };
    expect((await admin('PUT', '/rule-sets/after-sales-record.turnaround/draft', { definition })).status).toBe(200);
    const published = await admin('POST', '/rule-sets/after-sales-record.turnaround/publish', {});
    expect(published.status).toBe(422);
    const details = published.body.error.details as { pointer: string; message: string; messageZh: string }[];
    expect(details.find((d) => d.pointer === '/tests/0')).toMatchObject({
      message: 'Urban call: missing Suburban: on site within 7 working hours, unexpected Urban: on site within 6 working hours',
      messageZh: '市区报修来电：应触发而未触发 郊区 7 个工作小时内到场，不应触发而触发 市区 6 个工作小时内到场',
    });
    expect(details.find((d) => d.pointer === '/tests/1')).toMatchObject({
      message: 'old call: sample record invalid',
      messageZh: 'old call：示例记录不符合表单',
    });
  });

  it('when the expected values are right, then the rule set publishes', async () => {
    const current = await admin('GET', '/rule-sets/after-sales-record.turnaround');
    const definition = structuredClone(current.body.published.definition);
    definition.tests[0].expect = { deadlines: { arrival: '2025-10-09 17:00' }, fines: [], approvals: [] };
    await admin('PUT', '/rule-sets/after-sales-record.turnaround/draft', { definition });
    const published = await admin('POST', '/rule-sets/after-sales-record.turnaround/publish', {});
    expect(published.status).toBe(200);
  });
});

describe('pushing pack files whose saved test cases fail', () => {
  const pushed = (definition: unknown, dryRun: boolean) =>
    admin('POST', '/pack', {
      files: [{ path: 'rules/after-sales-record/turnaround.rules.json', content: JSON.stringify(definition) }],
      dryRun,
    });

  it('when a pushed rule set holds a case that fails, then the push (and its dry run) names the case in the file, in each language, and publishes nothing', async () => {
    const current = await admin('GET', '/rule-sets/after-sales-record.turnaround');
    const version = current.body.published.version as number;
    const definition = {
      $schema: 'schemas/meta/ruleset.schema.json',
      ...structuredClone(current.body.published.definition),
    };
    definition.tests[0].expect = { deadlines: { arrival: '2025-10-09 16:00' } };
    for (const dryRun of [true, false]) {
      const answer = await pushed(definition, dryRun);
      expect(answer.status).toBe(200);
      expect(answer.body.valid).toBe(false);
      expect(answer.body.problems).toEqual([
        {
          file: 'rules/after-sales-record/turnaround.rules.json',
          pointer: '/tests/0/expect',
          code: 'test.valueDiffers',
          message: 'Urban call: Due time of "Arrive on site": expected 2025-10-09 16:00, actual 2025-10-09 17:00',
          messageZh: '市区报修来电：期限“到场”的到期时间：预期 2025-10-09 16:00，实际 2025-10-09 17:00',
        },
      ]);
    }
    expect((await admin('GET', '/rule-sets/after-sales-record.turnaround')).body.published.version).toBe(version);

    // Right again, the push goes through.
    definition.tests[0].expect = { deadlines: { arrival: '2025-10-09 17:00' } };
    definition.title = { 'zh-CN': '时限（推送）', en: 'Turnaround (pushed)' };
    const answer = await pushed(definition, false);
    expect(answer.body).toMatchObject({ valid: true, problems: [] });
    expect((await admin('GET', '/rule-sets/after-sales-record.turnaround')).body.published.version).toBe(version + 1);
  });
});
