import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import { testIo } from './testIo.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aftersales-cli-'));
  cpSync(join(root, 'schemas'), join(dir, 'schemas'), { recursive: true });
  cpSync(join(root, 'rules'), join(dir, 'rules'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rewrites a JSON file of the temporary pack copy. */
function edit(path: string, change: (value: Record<string, unknown>) => void): void {
  const file = join(dir, path);
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(value);
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

describe('aftersales validate', () => {
  it('when the default pack is checked, then it is valid and the exit code is 0', async () => {
    const io = testIo(root);
    expect(await main(['validate', 'schemas', 'rules'], io)).toBe(0);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(/files valid \(11 forms, \d+ rule sets, 2 calendars\)/);
  });

  it('when a copy is broken in several files, then every problem is pinpointed and the exit code is 1', async () => {
    writeFileSync(join(dir, 'rules/calendars/round-the-clock.calendar.json'), '{\n  "id": "round-the-clock",\n  "week": [\n}\n');
    edit('schemas/complaint-log.form.json', (form) => {
      delete form.title;
    });
    edit('rules/after-sales-record/turnaround.rules.json', (rules) => {
      const list = rules.rules as { conditions: { all?: unknown[] } }[];
      list[0]!.conditions = {
        all: [
          { fact: 'noSuchField', operator: 'equal', value: 1 },
          { fact: 'zone', operator: 'equal', value: 'moon' },
        ],
      };
    });
    const io = testIo(dir);
    expect(await main(['validate', 'schemas', 'rules'], io)).toBe(1);
    const lines = io.stdout;
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\/calendars\/round-the-clock\.calendar\.json:4:1 \/ json\.syntax /),
        expect.stringMatching(/^schemas\/complaint-log\.form\.json:1:1 \/title meta\.invalid .*title/),
        expect.stringMatching(
          /^rules\/after-sales-record\/turnaround\.rules\.json:\d+:\d+ \/rules\/0\/conditions\/all\/0\/fact rules\.unknownFact /,
        ),
        expect.stringMatching(
          /^rules\/after-sales-record\/turnaround\.rules\.json:\d+:\d+ \/rules\/0\/conditions\/all\/1\/value rules\.unknownEnumValue /,
        ),
      ]),
    );
    // Each line points at the real line of the file.
    const factLine = lines.find((l) => l.includes('rules.unknownFact'))!;
    const lineNo = Number(/:(\d+):/.exec(factLine)![1]);
    expect(readFileSync(join(dir, 'rules/after-sales-record/turnaround.rules.json'), 'utf8').split('\n')[lineNo - 1]).toContain(
      'noSuchField',
    );
  });

  it('when --json is given, then problems come as JSON with pointers, lines and messages in both languages', async () => {
    const io = testIo(dir);
    expect(await main(['validate', '--json', 'rules/calendars'], io)).toBe(1);
    const report = JSON.parse(io.stdout.join('\n')) as {
      valid: boolean;
      problems: { code: string; line: number; message: { 'zh-CN': string } }[];
    };
    expect(report.valid).toBe(false);
    expect(report.problems[0]).toMatchObject({ code: 'json.syntax', line: 4 });
    expect(report.problems[0]!.message['zh-CN']).toMatch(/JSON 语法错误/);
  });

  it('when Chinese is asked for, then messages are in Chinese', async () => {
    const io = testIo(dir, { LANG: 'zh_CN.UTF-8' });
    await main(['validate', 'rules/after-sales-record'], io);
    expect(io.stdout.join('\n')).toMatch(/表单“after-sales-record”不存在/);
    expect(io.stderr.join('\n')).toMatch(/^\d+ 个文件中有 \d+ 个有问题，共 \d+ 个问题$/);
    const missing = testIo(dir, { LANG: 'zh_CN.UTF-8' });
    expect(await main(['validate', 'nowhere'], missing)).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/^aftersales: 无法读取 .*nowhere：ENOENT$/);
  });

  it('when a path does not exist, then the exit code is 2 with a clear message', async () => {
    const io = testIo(dir);
    expect(await main(['validate', 'nowhere'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/cannot read .*nowhere: ENOENT/);
  });
});

describe('aftersales evaluate', () => {
  it('when a record is evaluated, then the outcome and the explanation are printed', async () => {
    const record = join(dir, 'call.json');
    writeFileSync(
      record,
      JSON.stringify({
        ticketNo: 'S-1',
        callTime: '2025-10-09T10:00:00+08:00',
        zone: 'urban',
        serviceType: 'repair',
        customer: { name: '李女士', phone: '13800138000', address: '解放路 1 号' },
      }),
    );
    const io = testIo(root);
    const code = await main(['evaluate', '--form', 'after-sales-record', '--record', record, '--now', '2025-10-09T10:05:00+08:00'], io);
    expect(io.stdout.join('\n')).toMatch(/Arrive on site by Thu 10-09 17:00 \(6 working hours\)/);
    expect(io.stdout.join('\n')).toMatch(/Explanation/);
    expect(code).toBe(0);
  });

  it('when the record file is not JSON, then the exit code is 2 and the place is named', async () => {
    const record = join(dir, 'bad.json');
    writeFileSync(record, '{"zone": }');
    const io = testIo(root);
    expect(await main(['evaluate', '--form', 'after-sales-record', '--record', record], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/bad\.json:1:10/);
  });

  it('when the form is unknown, then the exit code is 2 and the known forms are listed', async () => {
    const io = testIo(root);
    expect(await main(['evaluate', '--form', 'nope', '--record', 'x.json'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/form "nope" is not in the pack \(forms: .*after-sales-record/);
  });
});
