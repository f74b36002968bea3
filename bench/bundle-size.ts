// Designer bundle: the gzip size of the JavaScript each screen loads before it can show anything
// (its chunk and every chunk it statically imports), from the Vite manifest of the production
// build. The admin designer and the staff form screen are separate lazy chunks; the staff form
// screen must not pay for the admin code. Writes the "Designer bundle" section of BENCHMARKS.md.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '@aftersales/engine';
import { validatorModuleOf } from '@aftersales/server';
import { machineLine, writeSection } from './lib/writeSection.js';

const designer = fileURLToPath(new URL('../packages/designer/', import.meta.url));
const dist = `${designer}dist/`;
const manifestPath = `${dist}.vite/manifest.json`;

interface Chunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

if (!existsSync(manifestPath) || process.argv.includes('--build')) {
  console.log('building the designer (vite build)...');
  const vite = `${designer}node_modules/vite/bin/vite.js`;
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: designer, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;

/** The chunk files a key loads first: itself and its static imports, transitively. */
function closure(keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return [...seen].map((k) => manifest[k]!.file);
}

const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
const chunkOf = (src: string) => Object.keys(manifest).find((k) => k === src || manifest[k]?.src === src);
const admin = chunkOf('src/admin/AdminRoutes.tsx');
const staff = chunkOf('src/staff/StaffRoutes.tsx');
const fill = chunkOf('src/staff/fill/FillFormPage.tsx');
// The messages of the language shown (zh-CN for a store): the common ones loaded before the first
// render, each area's with its routes.
const messages = chunkOf('src/i18n/zh-CN.ts');
const staffMessages = chunkOf('src/i18n/staff.zh-CN.ts');
const adminMessages = chunkOf('src/i18n/admin.zh-CN.ts');
if (!entry || !admin || !staff || !fill || !messages || !staffMessages || !adminMessages)
  throw new Error('manifest lacks the entry, admin, staff, form-screen or messages chunks');

// The staff form screen also loads, from the server, the validate functions of the form shown
// (GET /forms/:id/versions/:v/validator.js): counted here for F1, the largest form of the pack, in Chinese.
const VALIDATOR = 'validator of F1 (server-made, zh-CN)';
const f1 = JSON.parse(readFileSync(new URL('../schemas/after-sales-record.form.json', import.meta.url), 'utf8')) as FormDefinition;
const validatorModule = Buffer.from(validatorModuleOf(f1, 'zh-CN'));

const size = (files: string[]) => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = file === VALIDATOR ? validatorModule : readFileSync(`${dist}${file}`);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
};

// A form with patterns that are not bounded also loads the linear regular-expression engine (re2js)
// before its validate functions can run (engine loadValidatorRuntime): counted when F1's module needs it.
const linear = chunkOf('../engine/src/validation/linearRegExp.ts');
const requires = JSON.parse(/^export const requires = (\[.*\]);/.exec(validatorModule.toString())![1]!) as string[];
const needsLinear = requires.includes('re2js');
if (needsLinear && !linear) throw new Error('manifest lacks the linear regular-expression engine chunk');
const screens = [
  { name: 'Sign-in (app shell)', files: closure([entry, messages]) },
  {
    name: 'Staff form screen (/staff/forms/:id/new)',
    files: [...new Set([...closure([entry, messages, staff, staffMessages, fill]), ...(needsLinear ? closure([linear!]) : [])]), VALIDATOR],
  },
  { name: 'Admin designer (/admin/*)', files: closure([entry, messages, admin, adminMessages]) },
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const shell = size(screens[0]!.files).gzip;
const rows = screens.map((s) => ({ ...s, ...size(s.files) }));
for (const r of rows)
  console.log(`${r.name.padEnd(44)} ${kb(r.gzip).padStart(12)} gzip  ${kb(r.raw).padStart(12)} raw  (${r.files.length} files)`);

const staffRow = rows[1]!;
const adminRow = rows[2]!;
const adminOnly = closure([admin]).filter((f) => !staffRow.files.includes(f));
const leaked = staffRow.files.includes(manifest[admin]!.file);
// The target read strictly: 300 KB = 300,000 bytes (292.97 KiB).
const TARGET_KB = 300;
const WHAT: Record<string, string> = {
  react: 'React, React DOM, React Router',
  RecordForm: 'react-jsonschema-form, form widgets',
  [VALIDATOR]: "the form's validate functions, from the server's ajv",
  linearRegExp: "re2js: linear-time matching of the form's patterns (loaded for forms with patterns)",
};
const staffKb = staffRow.gzip / 1024;
const met = staffRow.gzip < TARGET_KB * 1000;
console.log(
  `staff form screen: ${staffKb.toFixed(1)} KiB (${(staffRow.gzip / 1000).toFixed(1)} KB) gzip against a target under ${TARGET_KB} KB: ${met ? 'met' : 'NOT met'}`,
);
/** The staff form screen's files, largest first, named by the module that gives each its name. */
const staffFiles = staffRow.files
  .map((file) => {
    const chunk = Object.values(manifest).find((c) => c.file === file);
    const what = chunk?.isEntry
      ? 'app shell: Ant Design core, layout, sign-in, API client'
      : (WHAT[file] ?? WHAT[chunk?.name ?? ''] ?? chunk?.src ?? '');
    return { file, name: what, ...size([file]) };
  })
  .sort((a, b) => b.gzip - a.gzip);

writeSection(
  'Designer bundle',
  `${machineLine()}

JavaScript each screen loads before it renders (its chunk plus every chunk it statically imports), from
\`packages/designer/dist/.vite/manifest.json\`; gzip level 9. Baseline: the app shell every screen loads.

| screen | JS files | raw | gzip | × shell |
| --- | ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.name} | ${r.files.length} | ${kb(r.raw)} | ${kb(r.gzip)} | ${(r.gzip / shell).toFixed(2)} |`).join('\n')}

The admin-only chunks (${adminOnly.length} file(s), ${kb(size(adminOnly).gzip)} gzip: query builder, drag and drop, rule and
version editors) are never loaded by the staff form screen${leaked ? ' — **but the admin chunk leaked into it**' : ''}; the staff
screen loads ${((staffRow.gzip / adminRow.gzip) * 100).toFixed(0)}% of what the designer loads.

Staff form screen against its target (under ${TARGET_KB} KB gzip, read as ${TARGET_KB * 1000} bytes): **${staffKb.toFixed(1)} KiB
(${(staffRow.gzip / 1000).toFixed(1)} KB), ${met ? 'met' : 'not met'}**. Its files, with the validate functions the server makes for
the form shown (F1, the pack's largest form, in Chinese):

| file | from | gzip |
| --- | --- | ---: |
${staffFiles.map((f) => `| ${f.file} | ${f.name} | ${kb(f.gzip)} |`).join('\n')}`,
);
