/**
 * The SDK is started by `register.ts` (loaded with `node --import`) before the application, so
 * the application reaches it through this handle to flush spans as the last step of shutdown.
 */
const KEY = Symbol.for('pandawa.telemetry.sdk');

interface Flushable {
  shutdown(): Promise<void>;
}

export function setSdk(sdk: Flushable): void {
  (globalThis as Record<symbol, unknown>)[KEY] = sdk;
}

export async function shutdownTelemetry(): Promise<void> {
  const sdk = (globalThis as Record<symbol, unknown>)[KEY] as Flushable | undefined;
  if (sdk) await sdk.shutdown();
}
