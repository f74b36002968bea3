// Staff form re-render: how long one keystroke takes on the staff form screen (RJSF + Ant Design +
// our widgets, the production build in Chromium), on a 100-field form against a 10-field baseline
// in the same run. The keystroke is an input event dispatched in the page; the time runs until
// React has re-rendered the form (updates from input events are flushed before dispatch returns;
// a macrotask yield afterwards catches any that are not). Writes "Staff form re-render".
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore, createApp, importDefaultPack } from '@aftersales/server';
import { launchBrowser } from '../test/browser/support/browser.js';
import { DESIGNER_DIST } from '../test/browser/support/startServer.js';
import { machineLine, writeSection } from './lib/writeSection.js';

const PASSWORD = 'bench-admin-password-1';
const WARMUP = 15;
const KEYSTROKES = 80;

/** A form of `n` fields in the mix staff forms have: text, numbers, choices, yes/no, dates. */
function formOf(n: number) {
  const properties: Record<string, unknown> = {};
  for (let i = 1; i <= n; i++) {
    const name = `f${String(i).padStart(3, '0')}`;
    const title = { 'zh-CN': `字段 ${i}`, en: `Field ${i}` };
    const kind = i % 10;
    properties[name] =
      kind < 6
        ? { type: 'string', maxLength: 200, 'x-title': title }
        : kind < 8
          ? { type: 'number', minimum: 0, 'x-title': title }
          : kind === 8
            ? {
                type: 'string',
                enum: ['a', 'b', 'c'],
                'x-title': title,
                'x-enumTitles': Object.fromEntries(['a', 'b', 'c'].map((v) => [v, { 'zh-CN': `选项 ${v}`, en: `Option ${v}` }])),
              }
            : { type: 'boolean', 'x-title': title };
  }
  return {
    $schema: '../schemas/meta/form.schema.json',
    id: `bench-form-${n}`,
    title: { 'zh-CN': `基准表单 ${n}`, en: `Bench form ${n}` },
    schema: { type: 'object', additionalProperties: false, properties },
  };
}

if (!existsSync(join(DESIGNER_DIST, 'index.html'))) {
  console.error('build the designer first: pnpm -r build');
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-bench-render-'));
const store = new SqliteStore(dataDir);
const { app, services } = createApp({ store, config: { staticDir: DESIGNER_DIST } });
await importDefaultPack(store, services.definitions);
const pushed = await services.definitions.pushFiles(
  [10, 100].map((n) => ({ path: `schemas/bench-form-${n}.form.json`, text: JSON.stringify(formOf(n)) })),
  'bench',
  { dryRun: false },
);
if (pushed.problems.length > 0) throw new Error(JSON.stringify(pushed.problems.slice(0, 3)));
await services.auth.bootstrapAdmin(PASSWORD);
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
await page.goto(`${url}/login`);
await page.getByLabel('用户名').fill('admin');
await page.getByLabel('密码').fill(PASSWORD);
await page.getByRole('button', { name: '登录' }).click();
await page.waitForURL('**/admin/forms');

/** Milliseconds per keystroke into the middle text field of the form, after a warm-up. */
async function keystrokes(fields: number): Promise<number[]> {
  await page.goto(`${url}/staff/forms/bench-form-${fields}/new`);
  const target = `record_f${String(Math.floor(fields / 2)).padStart(3, '0')}`; // a text field (f005, f050)
  await page.locator(`#${target}`).waitFor();
  const times = await page.evaluate(
    async ({ id, count }) => {
      const input = document.getElementById(id) as HTMLInputElement;
      const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
      input.focus();
      const result: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        value.set!.call(input, `${input.value}${String.fromCharCode(97 + (i % 26))}`);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // A macrotask yield (no named helper: tsx would wrap it in __name, unknown in the page).
        await new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
        result.push(performance.now() - t0);
      }
      return result;
    },
    { id: target, count: WARMUP + KEYSTROKES },
  );
  return times.slice(WARMUP);
}

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
};

const small = stats(await keystrokes(10));
const large = stats(await keystrokes(100));
await browser.close();
await new Promise<void>((resolve) => server.close(() => resolve()));
server.closeAllConnections();
await store.close();
rmSync(dataDir, { recursive: true, force: true });

const ms = (n: number) => n.toFixed(1);
const ratio = large.median / small.median;
console.log(`10 fields:  median ${ms(small.median)} ms, p95 ${ms(small.p95)} ms per keystroke`);
console.log(`100 fields: median ${ms(large.median)} ms, p95 ${ms(large.p95)} ms per keystroke (${ratio.toFixed(2)}x the 10-field form)`);

writeSection(
  'Staff form re-render',
  `One keystroke on the staff form screen (production build, Chromium headless, 1280x900): an input
event into a text field in the middle of the form, timed until React has re-rendered; ${KEYSTROKES}
keystrokes after ${WARMUP} warm-up ones. Baseline: the same screen with a 10-field form.
${machineLine()}

| form | median | p95 | × 10 fields |
| --- | ---: | ---: | ---: |
| 10 fields (baseline) | ${ms(small.median)} ms | ${ms(small.p95)} ms | 1.00 |
| 100 fields | ${ms(large.median)} ms | ${ms(large.p95)} ms | ${ratio.toFixed(2)} |

A keystroke stays under one 60 Hz frame (16.7 ms) at the median on the 100-field form: ${large.median < 16.7 ? 'yes' : 'no'}.`,
);
