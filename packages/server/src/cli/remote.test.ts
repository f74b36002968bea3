import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/startTestServer.js';
import { main } from './main.js';
import { testIo } from './testIo.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let server: TestServer;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'aftersales-push-'));

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.signIn('admin', server.adminPassword);
  const key = await admin('POST', '/api-keys', { name: 'ci', scopes: ['definitions:read', 'definitions:write'] });
  env = { AFTERSALES_SERVER: server.url, AFTERSALES_API_KEY: key.body.secret };
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const rules = {
  $schema: '../../schemas/meta/ruleset.schema.json',
  id: 'vehicle-use.cli',
  form: 'vehicle-use',
  title: { 'zh-CN': 'CLI 推送', en: 'Pushed by the CLI' },
  rules: [
    {
      name: 'big-repair',
      title: { 'zh-CN': '大额维修', en: 'Big repair' },
      conditions: { all: [{ fact: 'repairCost', operator: 'greaterThan', value: 200 }] },
      event: {
        type: 'approval',
        params: { approver: 'generalManager', before: 'repairApproved', reason: { 'zh-CN': '超过 200 元', en: 'Above 200 yuan' } },
      },
    },
  ],
};

describe('aftersales push, diff, pull', () => {
  it('when the default pack is compared with the server it was imported into, then nothing differs (exit 0)', async () => {
    const io = testIo(root, env);
    expect(await main(['diff', 'schemas', 'rules'], io)).toBe(0);
  });

  it('when a new rule file is pushed with --dry-run, then it would change and nothing is published; pushed for real, then it is', async () => {
    mkdirSync(join(dir, 'rules/vehicle-use'), { recursive: true });
    writeFileSync(join(dir, 'rules/vehicle-use/cli.rules.json'), JSON.stringify(rules, null, 2));
    const dry = testIo(dir, env);
    expect(await main(['push', '--dry-run', 'rules'], dry)).toBe(0);
    expect(dry.stdout).toEqual(['new ruleset vehicle-use.cli']);
    expect(await main(['diff', 'rules'], testIo(dir, env))).toBe(1);
    const real = testIo(dir, env);
    expect(await main(['push', 'rules'], real)).toBe(0);
    expect(real.stderr.join('\n')).toMatch(/1 of 1 files published/);
    expect(await main(['diff', 'rules'], testIo(dir, env))).toBe(0);

    // A changed threshold: the diff shows the one operation that changes it.
    writeFileSync(
      join(dir, 'rules/vehicle-use/cli.rules.json'),
      JSON.stringify(structuredClone(rules), null, 2).replace('"value": 200', '"value": 300'),
    );
    const changed = testIo(dir, env);
    expect(await main(['diff', 'rules'], changed)).toBe(1);
    expect(changed.stdout).toEqual(['v1 -> ruleset vehicle-use.cli', '  replace /rules/0/conditions/all/0/value 300']);
    // The same in Chinese: what would change, and the summary.
    const zh = testIo(dir, { ...env, LANG: 'zh_CN.UTF-8' });
    expect(await main(['push', '--dry-run', 'rules'], zh)).toBe(0);
    expect(zh.stdout[0]).toBe('第 1 版 → 规则集 vehicle-use.cli');
    expect(zh.stderr.join('\n')).toMatch(/^试运行：\d+ 个文件中有 1 个会变化/);
  });

  it('when a pushed file has a problem, then it is printed as file:line:column pointer code message and the exit code is 1', async () => {
    const broken = structuredClone(rules);
    broken.rules[0]!.conditions.all[0]!.fact = 'repairCosts';
    writeFileSync(join(dir, 'rules/vehicle-use/cli.rules.json'), JSON.stringify(broken, null, 2));
    const io = testIo(dir, env);
    expect(await main(['push', 'rules'], io)).toBe(1);
    expect(io.stdout[0]).toMatch(/^rules\/vehicle-use\/cli\.rules\.json:\d+:\d+ \/rules\/0\/conditions\/all\/0\/fact rules\.unknownFact /);
  });

  it('when pulled, then every published file is written at its pack path', async () => {
    const target = join(dir, 'pulled');
    const io = testIo(dir, env);
    expect(await main(['pull', target, '--json'], io)).toBe(0);
    const written = (JSON.parse(io.stdout.join('\n')) as { files: string[] }).files;
    expect(written).toEqual(
      expect.arrayContaining(['schemas/after-sales-record.form.json', 'rules/roles.json', 'rules/vehicle-use/cli.rules.json']),
    );
    expect(readdirSync(join(target, 'schemas')).length).toBeGreaterThanOrEqual(11);
    expect(JSON.parse(readFileSync(join(target, 'rules/vehicle-use/cli.rules.json'), 'utf8'))).toEqual(rules);
  });

  it('when no key or an unreachable server is given, then the exit code is 2 with a clear message', async () => {
    const noKey = testIo(dir, { AFTERSALES_SERVER: server.url });
    expect(await main(['pull'], noKey)).toBe(2);
    expect(noKey.stderr.join('\n')).toMatch(/no API key/);
    const down = testIo(dir, { AFTERSALES_SERVER: 'http://127.0.0.1:9', AFTERSALES_API_KEY: 'ak_x' });
    expect(await main(['pull'], down)).toBe(2);
    expect(down.stderr.join('\n')).toMatch(/cannot reach/);
    const zh = testIo(dir, { AFTERSALES_SERVER: server.url, LANG: 'zh_CN.UTF-8' });
    expect(await main(['pull'], zh)).toBe(2);
    expect(zh.stderr.join('\n')).toBe('aftersales: 未指定 API 密钥：请用 --key <密钥> 或设置 AFTERSALES_API_KEY');
  });
});
