import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/browser/**'],
    globalSetup: ['test/setup/fastCheckSeed.global.ts'],
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    // Limits that only catch a hang: on a busy 2-core machine (CI beside other work) a server start with its
    // seed data or an HTTP property test of hundreds of requests can take a minute. No test asserts a time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
