export { ensureInfrastructure, type Infrastructure } from './infrastructure.js';
export { testNamespace, testDbName } from './namespace.js';
export { connectTestBus, type TestBus } from './bus.js';
export { TcpProxy } from './tcp-proxy.js';
export { waitFor, sleep } from './wait.js';
export { testLogger } from './test-logger.js';
export { REPO_ROOT } from './config.js';
export { testCallerSigner, testCallerVerifier } from './callers.js';
