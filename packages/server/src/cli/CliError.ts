import type { LocalizedText } from '@aftersales/engine';

/**
 * A failure the CLI reports in one line, in the caller's language (`--lang`, LANG), and ends with an
 * exit code (2: usage or input, 1: checks failed).
 */
export class CliError extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(text.en);
  }
}

/** A file or folder that cannot be read (`error` from node:fs). */
export function unreadable(path: string, error: NodeJS.ErrnoException): CliError {
  const why = error.code ?? error.message;
  return new CliError({ 'zh-CN': `无法读取 ${path}：${why}`, en: `cannot read ${path}: ${why}` });
}
