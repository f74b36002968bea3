import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against the
// built designer served by the server. Run after `pnpm -r build`.
const root = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root,
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // The UI answers asynchronously (fetches, lazy chunks, the clock); on a busy CI machine a step can
    // take more than expect.poll's default second.
    expect: { poll: { timeout: 15_000 } },
  },
});
