/**
 * Starts OpenTelemetry before the application is imported:
 *   node --import tsx --import @pandawa/telemetry/register src/main.ts
 * Configuration comes only from the standard OTEL_* variables (OTEL_SERVICE_NAME,
 * OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_ENDPOINT, ...), read by the SDK itself: no exporter
 * URL lives in code, and OTEL_SDK_DISABLED=true makes `start()` a no-op. Instrumentations are chosen so that no span attribute carries message bodies.
 */
import { register } from 'node:module';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { stripQueryStrings } from './strip-query.js';
import { setSdk } from './sdk-handle.js';

// Lets the instrumentations patch modules that the (ESM) application imports.
register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);

const sdk = new NodeSDK({
  instrumentations: [
    new HttpInstrumentation({
      // Health probes would drown every other span.
      ignoreIncomingRequestHook: (req) => req.url === '/healthz' || req.url === '/readyz',
      // Query strings carry secrets here (the webhook's hub.verify_token, signed media URLs).
      responseHook: (span) => stripQueryStrings(span),
    }),
    new GrpcInstrumentation({ ignoreGrpcMethods: ['Check', 'Watch'] }),
  ],
});
sdk.start();
setSdk(sdk);
