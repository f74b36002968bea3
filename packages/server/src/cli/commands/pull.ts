import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { pickText, type Locale } from '@aftersales/engine';
import type { Io } from '../Io.js';
import { CliError } from '../CliError.js';
import { callApi, type Remote } from '../apiClient.js';

/** `aftersales pull [dir]`: writes every published file under dir, at the path it has in a pack. */
export async function pullCommand(dir: string | undefined, options: Remote & { json?: boolean; locale: Locale }, io: Io): Promise<number> {
  const target = resolve(io.cwd, dir ?? '.');
  const { files } = await callApi<{ files: { path: string; content: string }[] }>(options, io, 'GET', '/pack');
  for (const file of files) {
    const path = resolve(target, file.path);
    if (relative(target, path).startsWith('..'))
      throw new CliError({ 'zh-CN': `拒绝写到 ${target} 之外：${file.path}`, en: `refusing to write outside ${target}: ${file.path}` });
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  if (options.json) io.out(JSON.stringify({ files: files.map((f) => f.path) }, null, 2));
  else
    io.err(
      pickText(
        { 'zh-CN': `已写入 ${files.length} 个文件到 ${target}`, en: `${files.length} files written under ${target}` },
        options.locale,
      ),
    );
  return 0;
}
