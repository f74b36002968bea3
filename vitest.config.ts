import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/browser/**'],
    globalSetup: ['test/setup/fastCheckSeed.global.ts'],
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    // HTTP property tests send hundreds of requests: on a busy 2-core machine 5 s is not enough.
    testTimeout: 30_000,
  },
});
