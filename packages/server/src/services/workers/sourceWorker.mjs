// Runs a TypeScript worker module from the sources (tests, benches): tsx compiles it in this thread.
// The module is the last argument (startWorker puts it there).
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
