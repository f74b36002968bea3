// @aftersales/server: the composition root and what tests and tools build on.
export type { AppOptions, App } from './http/createApp.js';
export { createApp } from './http/createApp.js';
export type { Config } from './config/Config.js';
export { parseConfig, ConfigError } from './config/parseConfig.js';
export type { Repositories, Store } from './store/Store.js';
export type * from './store/types.js';
export { SqliteStore } from './store/sqlite/SqliteStore.js';
export { MongoStore } from './store/mongodb/MongoStore.js';
export { openStore } from './store/openStore.js';
export { encodeEvaluation, decodeEvaluation } from './store/evaluationCodec.js';
export type { Clock } from './services/Clock.js';
export { importDefaultPack } from './services/importDefaultPack.js';
export { AppError, HTTP_STATUS } from './errors/AppError.js';
export type { Route, Access } from './http/Route.js';
export { apiRoutes } from './http/routes/apiRoutes.js';
export { openApiDocument } from './http/openapi.js';
export { validatorModuleOf } from './services/FormValidators.js';
