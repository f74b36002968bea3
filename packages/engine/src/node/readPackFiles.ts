import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { PackFile } from '../pack/Pack.js';

/**
 * Reads every `*.json` file under the given files or folders (recursively, sorted), as pack
 * files with paths relative to `cwd`. Skips node_modules, dot-folders and `meta/` folders
 * (the published meta-schemas are not pack files).
 */
export async function readPackFiles(paths: readonly string[], cwd = process.cwd()): Promise<PackFile[]> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await collect(resolve(cwd, path))));
  const unique = [...new Set(files)].sort();
  return Promise.all(unique.map(async (file) => ({ path: relative(cwd, file) || file, text: await readFile(file, 'utf8') })));
}

const SKIPPED_DIRS = new Set(['node_modules', 'meta']);

async function collect(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.') && !(e.isDirectory() && SKIPPED_DIRS.has(e.name)))
      .map((e) =>
        e.isDirectory()
          ? collect(join(path, e.name))
          : e.name.endsWith('.json')
            ? Promise.resolve([join(path, e.name)])
            : Promise.resolve([]),
      ),
  );
  return nested.flat();
}
