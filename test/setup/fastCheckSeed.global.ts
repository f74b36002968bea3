import type { TestProject } from 'vitest/node';

/**
 * One fast-check seed for the whole run, printed before any test starts, so that a property that
 * fails (or hangs until its test times out, when fast-check cannot report) can be replayed with
 * `FC_SEED=<seed> pnpm vitest run <file>`. A counterexample found that way is kept in the test's
 * `examples` as a regression case.
 */
export default function setup(project: TestProject): void {
  const fromEnv = process.env.FC_SEED;
  const seed = fromEnv !== undefined && /^-?\d+$/.test(fromEnv) ? Number(fromEnv) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
  console.log(`fast-check seed: ${seed} (replay with FC_SEED=${seed})`);
  project.provide('fastCheckSeed', seed);
}

declare module 'vitest' {
  export interface ProvidedContext {
    fastCheckSeed: number;
  }
}
