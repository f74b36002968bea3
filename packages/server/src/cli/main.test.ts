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

describe('aftersales --help and command-line mistakes', () => {
  it('when help is asked for in English, then commander’s titles and the commands’ descriptions are English', async () => {
    const io = testIo(root);
    expect(await main(['--help'], io)).toBe(0);
    const help = io.stdout.join('\n');
    expect(help).toMatch(/^Usage: aftersales \[options\] \[command\]/);
    expect(help).toMatch(/^Commands:$/m);
    expect(help).toMatch(/push \[options\] \[paths\.\.\.\] +publish pack files \(all or nothing\)/);
    expect(help).toMatch(/-h, --help +display help for command/);
  });

  it('when help is asked for with --lang zh-CN, or in a Chinese shell, then every title and description is Chinese', async () => {
    for (const [argv, env] of [
      [['--lang', 'zh-CN', '--help'], {}],
      [['--help'], { LANG: 'zh_CN.UTF-8' }],
    ] as const) {
      const io = testIo(root, env);
      expect(await main([...argv], io)).toBe(0);
      const help = io.stdout.join('\n');
      expect(help).toMatch(/^用法： aftersales/);
      expect(help).toMatch(/^选项：$/m);
      expect(help).toMatch(/^命令：$/m);
      expect(help).toMatch(/push \[options\] \[paths\.\.\.\] +发布政策包文件/);
      expect(help).toMatch(/-h, --help +显示命令的帮助/);
      // No English description is left (option names and placeholders are the command line's own).
      expect(help).not.toMatch(/display help|publish pack files|message language|Usage:|Options:|Commands:/);
    }
    const push = testIo(root);
    expect(await main(['--lang=zh-CN', 'push', '--help'], push)).toBe(0);
    expect(push.stdout.join('\n')).toMatch(/--dry-run +只检查和对比，不发布/);
    expect(push.stdout.join('\n')).toMatch(/^参数：$/m);
  });

  it('when the command line is mistyped in Chinese, then the mistake and the suggestion are said in Chinese with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['pussh'], /^aftersales: 没有命令“pussh”（是不是要用 push？）；用 aftersales --help 查看用法$/],
      [['validate', '--jsn'], /^aftersales: 没有选项“--jsn”（是不是要用 --json？）；用 aftersales --help 查看用法$/],
      [['evaluate', '--form', 'x'], /^aftersales: 缺少必需的选项“--record <file>”；/],
      [['evaluate', '--form'], /^aftersales: 选项“--form <id>”缺少值；/],
    ];
    for (const [argv, said] of cases) {
      const io = testIo(root, { LANG: 'zh_CN.UTF-8' });
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(said);
    }
    const english = testIo(root);
    expect(await main(['evaluate', '--form', 'x'], english)).toBe(2);
    expect(english.stderr.join('\n')).toBe("error: required option '--record <file>' not specified");
  });
});
