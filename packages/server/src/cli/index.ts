// @aftersales/server/cli: the command line as a function, for tests and tools that run it in-process.
export { main } from './main.js';
export { testIo } from './testIo.js';
