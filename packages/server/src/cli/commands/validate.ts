import { loadPack, pickText, type Locale, type Problem } from '@aftersales/engine';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import type { Io } from '../Io.js';
import { CliError, unreadable } from '../CliError.js';

export interface ValidateOptions {
  json?: boolean;
  locale: Locale;
}

/** `aftersales validate [paths...]`: checks pack files; exit 0 when valid, 1 when not. */
export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const files = await readPackFiles(paths.length > 0 ? paths : defaultPackDirs(), io.cwd).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(error.path ?? paths.join(' '), error);
  });
  if (files.length === 0) throw new CliError({ 'zh-CN': '没有找到 .json 文件', en: 'no .json files found' });
  const { pack, problems } = loadPack(files);
  if (options.json) {
    io.out(JSON.stringify({ valid: problems.length === 0, files: files.length, problems }, null, 2));
  } else {
    for (const problem of problems) io.out(formatProblem(problem, options.locale));
    const withProblems = new Set(problems.map((p) => p.file)).size;
    const { forms, ruleSets, calendars } = { forms: pack.forms.size, ruleSets: pack.ruleSets.size, calendars: pack.calendars.size };
    io.err(
      pickText(
        problems.length === 0
          ? {
              'zh-CN': `${files.length} 个文件有效（表单 ${forms} 个，规则集 ${ruleSets} 个，工作日历 ${calendars} 个）`,
              en: `${files.length} files valid (${forms} forms, ${ruleSets} rule sets, ${calendars} calendars)`,
            }
          : {
              'zh-CN': `${files.length} 个文件中有 ${withProblems} 个有问题，共 ${problems.length} 个问题`,
              en: `${problems.length} problems in ${withProblems} of ${files.length} files`,
            },
        options.locale,
      ),
    );
  }
  return problems.length === 0 ? 0 : 1;
}

/** `file:line:column pointer code message`, the shape editors and CI annotate. */
export function formatProblem(problem: Problem, locale: Locale): string {
  const where = `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}`;
  return `${where} ${problem.pointer || '/'} ${problem.code} ${pickText(problem.message, locale)}`;
}
