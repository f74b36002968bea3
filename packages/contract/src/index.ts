export type { Static, TSchema } from 'typebox';
export * from './endpoint.js';
export * from './shapes.js';
export * from './endpoints/index.js';
export * from './errors/ErrorBody.js';
export * from './components.js';
export * from './errors/serverErrors.js';
export * from './actors.js';
export * from './versionNotes.js';
