import fc from 'fast-check';
import { inject } from 'vitest';
import './fastCheckSeed.global.js';

// Every property of this run draws from the seed printed at the start (see fastCheckSeed.global.ts);
// fast-check's own failure report adds the seed and the path of the shrunk counterexample.
fc.configureGlobal({ seed: inject('fastCheckSeed') });
