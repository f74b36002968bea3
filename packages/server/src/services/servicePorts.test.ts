import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Services take only the repositories they use (store/ports/), never the whole Store: what a use case
// may touch is in its constructor's type, and a test double needs only those ports.
const SERVICES = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('services', () => {
  it('when a service names the store it works on, then it names the ports it uses, not the whole Store', () => {
    const wholeStore = sources(SERVICES).filter((file) =>
      /import type \{[^}]*\bStore\b[^}]*\} from '[./]*\/store\/Store\.js'/.test(readFileSync(file, 'utf8')),
    );
    expect(wholeStore.map((file) => relative(SERVICES, file))).toEqual([]);
  });
});
