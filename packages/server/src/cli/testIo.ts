import type { Io } from './Io.js';

/** An Io that records what the CLI writes, for tests. */
export function testIo(cwd: string, env: Record<string, string> = {}): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(...text.replace(/\n$/, '').split('\n')),
    err: (text) => stderr.push(...text.replace(/\n$/, '').split('\n')),
    cwd,
    env: { LANG: 'en_US.UTF-8', ...env },
    now: () => new Date('2025-10-09T10:00:00+08:00'),
  };
}
