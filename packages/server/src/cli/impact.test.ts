import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertServiceRecords } from '../testing/insertServiceRecords.js';
import { startTestServer, type TestServer } from '../testing/startTestServer.js';
import { main } from './main.js';
import { testIo } from './testIo.js';

// `aftersales push --dry-run --since`: the impact of the pushed files over the stored records, in words or as JSON.

const now = new Date('2026-11-30T10:00:00+08:00');
let server: TestServer;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'aftersales-impact-cli-'));

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  // 50 calls at 09:00, on site 60 + (37 i mod 420) minutes later: 13 of them between 4 and 6 working hours (after 14:00, by 16:00).
  insertServiceRecords(server.dataDir, { count: 50, until: now, days: 40, stores: ['解放路店'], technicians: ['王师傅'] });
  const admin = await server.signIn('admin', server.adminPassword);
  const key = await admin('POST', '/api-keys', { name: 'ci', scopes: ['definitions:write', 'records:read'] });
  env = { AFTERSALES_SERVER: server.url, AFTERSALES_API_KEY: key.body.secret };
  const rules = JSON.parse(
    readFileSync(new URL('../../../../rules/after-sales-record/turnaround.rules.json', import.meta.url), 'utf8'),
  ) as {
    rules: { name: string; event: { params: Record<string, unknown> } }[];
    tests: { expect: { deadlines: Record<string, string> } }[];
  };
  rules.rules.find((r) => r.name === 'T1-urban')!.event.params.limit = { unit: 'workingHours', amount: 4 };
  // The file's saved cases follow the change (a push whose cases fail is refused): the urban calls are due 2 working hours sooner.
  rules.tests[0]!.expect.deadlines.arrival = '2025-10-09 15:00';
  rules.tests[1]!.expect.deadlines.arrival = '2025-10-10 14:00';
  mkdirSync(join(dir, 'rules/after-sales-record'), { recursive: true });
  writeFileSync(join(dir, 'rules/after-sales-record/turnaround.rules.json'), JSON.stringify(rules, null, 2));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('aftersales push --dry-run --since', () => {
  it('when T1 is lowered in a pushed file, then the impact over the last 90 days is printed in words, by person and by title', async () => {
    const io = testIo(dir, env);
    expect(await main(['push', '--dry-run', '--since', '90d', 'rules'], io)).toBe(0);
    expect(io.stdout).toContain(
      'impact on records of the last 90 days: 50 checked, 50 would change; 13 deadlines now late, 0 now on time, fines +0 yuan (0) and -0 yuan (0), 0 approvals newly required, 0 new blocks',
    );
    expect(io.stdout.some((line) => line.startsWith('  王师傅 (Technician): 13 deadlines now late'))).toBe(true);
    expect(io.stdout.some((line) => /^ {2}After-sales service record · SH-\d{6} · [^·]+ · \d{4}-\d{2}-\d{2}$/.test(line))).toBe(true);
    expect(io.stdout.join('\n')).not.toMatch(/00000000-0000-7000/); // never a record id
  });

  it('when asked in Chinese, then the summary is in Chinese', async () => {
    const io = testIo(dir, env);
    expect(await main(['--lang', 'zh-CN', 'push', '--dry-run', '--since', 'all', 'rules'], io)).toBe(0);
    expect(io.stdout).toContain(
      '影响（全部历史记录）：检查 50 条，50 条会变化；13 项时限变为超时，0 项变为按时，罚款增加 0 元（0 笔）、减少 0 元（0 笔），新增审批 0 项，新增阻止 0 项',
    );
  });

  it('when --json is given, then the whole answer is printed under history', async () => {
    const io = testIo(dir, env);
    expect(await main(['push', '--dry-run', '--since', '90d', '--json', 'rules'], io)).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n')) as { valid: boolean; history: { checked: number; totals: { becameLate: number } } };
    expect(printed.valid).toBe(true);
    expect(printed.history).toMatchObject({ checked: 50, totals: { becameLate: 13 } });
  });

  it('when the pushed file lowers T1 but keeps its old saved cases, then the dry run names the failing cases, still prints the impact, and exits 1', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'aftersales-impact-cli-stale-'));
    try {
      const rules = JSON.parse(readFileSync(join(dir, 'rules/after-sales-record/turnaround.rules.json'), 'utf8')) as {
        tests: { expect: { deadlines: Record<string, string> } }[];
      };
      rules.tests[0]!.expect.deadlines.arrival = '2025-10-09 17:00';
      mkdirSync(join(stale, 'rules/after-sales-record'), { recursive: true });
      writeFileSync(join(stale, 'rules/after-sales-record/turnaround.rules.json'), JSON.stringify(rules, null, 2));
      const io = testIo(stale, env);
      expect(await main(['push', '--dry-run', '--since', '90d', 'rules'], io)).toBe(1);
      expect(io.stdout.some((line) => line.includes(' /tests/0/expect '))).toBe(true);
      expect(io.stdout).toContain(
        'impact on records of the last 90 days: 50 checked, 50 would change; 13 deadlines now late, 0 now on time, fines +0 yuan (0) and -0 yuan (0), 0 approvals newly required, 0 new blocks',
      );
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });

  it('when a saved case of the pushed file names a deadline the rule set has not, then the problem is printed and no impact is asked', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'aftersales-impact-cli-broken-'));
    try {
      const rules = JSON.parse(readFileSync(join(dir, 'rules/after-sales-record/turnaround.rules.json'), 'utf8')) as {
        tests: { expect: { deadlines: Record<string, string> } }[];
      };
      rules.tests[0]!.expect.deadlines.noSuchDeadline = '2025-10-09 17:00';
      mkdirSync(join(broken, 'rules/after-sales-record'), { recursive: true });
      writeFileSync(join(broken, 'rules/after-sales-record/turnaround.rules.json'), JSON.stringify(rules, null, 2));
      const io = testIo(broken, env);
      expect(await main(['push', '--dry-run', '--since', '90d', 'rules'], io)).toBe(1);
      expect(io.stdout.some((line) => line.includes('/tests/0/expect/deadlines/noSuchDeadline'))).toBe(true);
      expect(io.stdout.some((line) => line.startsWith('impact on records'))).toBe(false);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('when --since comes without --dry-run, then nothing is pushed and the usage is refused', async () => {
    const io = testIo(dir, env);
    expect(await main(['push', '--since', '90d', 'rules'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--since goes with --dry-run');
    const published = await server.services.definitions.get('ruleset', 'after-sales-record.turnaround');
    expect(published.published?.version).toBe(1);
  });
});
