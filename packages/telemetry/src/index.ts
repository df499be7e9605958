export { injectTraceContext, extractTraceContext, type HeaderCarrier } from './trace-context.js';
export { withSpan, tracer, SpanKind } from './spans.js';
export { shutdownTelemetry } from './sdk-handle.js';
