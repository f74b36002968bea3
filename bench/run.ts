// Runs every bench/*.bench.ts (and bundle-size.ts) in turn, each in its own process with gc exposed (so one's warm-up or memory
// does not skew another's figures). `pnpm bench [name...]` runs only the named ones.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
// Names pick benches; options (`--sizes 10000` or `--sizes=10000`) are passed on to each bench run.
const wanted: string[] = [];
const options: string[] = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  if (!arg.startsWith('--')) wanted.push(arg);
  else {
    options.push(arg);
    if (!arg.includes('=') && i + 1 < process.argv.length) options.push(process.argv[++i]!);
  }
}
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') || f === 'bundle-size.ts')
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--conditions=source', '--import', 'tsx', `${dir}${file}`, ...options], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
