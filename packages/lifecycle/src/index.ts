export { Readiness, type HealthCheck, type ReadinessReport } from './readiness.js';
export { startHealthServer, type HealthServer, type HealthServerOptions } from './health-server.js';
export { handleShutdown, type ShutdownStep } from './shutdown.js';
export { runMain } from './run-main.js';
export { probeHealth, type HealthTarget } from './probe-health.js';
export { connectBackbone, type Backbone, type BackboneOptions } from './backbone.js';
