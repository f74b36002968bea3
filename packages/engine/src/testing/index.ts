// @aftersales/engine/testing: for tests and benches only (json-rules-engine as the reference).
export type { OracleRules, OracleRun } from './jsonRulesEngineOracle.js';
export { oraclePolicy, oraclePool, runOracle } from './jsonRulesEngineOracle.js';
export type { EnginePool } from './EnginePool.js';
