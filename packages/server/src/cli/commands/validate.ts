import { loadPack, pickText, type Locale, type Problem } from '@aftersales/engine';
import { defaultPackDirs, readPackFiles } from '@aftersales/engine/node';
import type { Io } from '../Io.js';
import { CliError } from '../CliError.js';

export interface ValidateOptions {
  json?: boolean;
  locale: Locale;
}

/** `aftersales validate [paths...]`: checks pack files; exit 0 when valid, 1 when not. */
export async function validateCommand(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  const files = await readPackFiles(paths.length > 0 ? paths : defaultPackDirs(), io.cwd).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${error.path ?? paths.join(' ')}: ${error.code ?? error.message}`);
  });
  if (files.length === 0) throw new CliError('no .json files found');
  const { pack, problems } = loadPack(files);
  if (options.json) {
    io.out(JSON.stringify({ valid: problems.length === 0, files: files.length, problems }, null, 2));
  } else {
    for (const problem of problems) io.out(formatProblem(problem, options.locale));
    const counts = `${pack.forms.size} forms, ${pack.ruleSets.size} rule sets, ${pack.calendars.size} calendars`;
    io.err(
      problems.length === 0
        ? `${files.length} files valid (${counts})`
        : `${problems.length} problems in ${new Set(problems.map((p) => p.file)).size} of ${files.length} files`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}

/** `file:line:column pointer code message`, the shape editors and CI annotate. */
export function formatProblem(problem: Problem, locale: Locale): string {
  const where = `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}`;
  return `${where} ${problem.pointer || '/'} ${problem.code} ${pickText(problem.message, locale)}`;
}
