// Runs the TypeScript impact worker from the sources (tests, benches): tsx compiles it in this thread.
import { register } from 'tsx/esm/api';

register();
await import('./impactWorker.ts');
