import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const HEADER = `# Benchmarks

Measured by \`pnpm bench\` (scripts in \`bench/\`). Each section is rewritten by its script on every run;
ratios compare against a baseline measured in the same run on the same machine. Figures are never
asserted in tests.
`;

/** Replaces (or appends) the `## title` section of BENCHMARKS.md with the given body. */
export function writeSection(title: string, body: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(`\n${heading}\n`);
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const rest = current.slice(start + 1 + heading.length);
    const end = rest.search(/\n## /);
    next = current.slice(0, start + 1) + section + (end === -1 ? '' : rest.slice(end));
  }
  writeFileSync(FILE, next.endsWith('\n') ? next : next + '\n');
}

export function machineLine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}, measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
}
