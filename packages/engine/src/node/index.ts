// @aftersales/engine/node: the parts that read the file system.
export { readPackFiles } from './readPackFiles.js';
export { defaultPackDirs } from './defaultPackDirs.js';
