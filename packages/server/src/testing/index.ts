// @aftersales/server/testing: helpers for tests and benches run from sources (not part of the build).
export { insertServiceRecords } from './insertServiceRecords.js';
export { startTestServer, client, type TestServer, type Client } from './startTestServer.js';
export { buildScaleStore, scaleCall, SCALE_FORM, SCALE_STORES, SCALE_TECHNICIANS } from './scaleStore.js';
export { DUE_DEADLINE } from './dueDeadline.js';
