import { z } from 'zod';

/** A TCP port number given as a string in the environment. */
export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

/** A duration in milliseconds given as a string in the environment. */
export const duration = (fallbackMs: number) =>
  z.coerce.number().int().positive().default(fallbackMs);

/** "true"/"false"/"1"/"0" from the environment. */
export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** A comma-separated list. */
export const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );

/** Settings every service has. */
export const commonEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long in-flight work may take to finish after SIGTERM. */
  SHUTDOWN_TIMEOUT_MS: duration(8000),
};

export const natsEnv = {
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /**
   * Prefix for stream names and subjects. Empty in production; tests give each file its own so
   * that they run side by side on one server.
   */
  NATS_NAMESPACE: z
    .string()
    .regex(/^([a-z0-9_-]+)?$/, 'lowercase letters, digits, "-" and "_" only')
    .default(''),
};

export const mongoEnv = {
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .default('mongodb://127.0.0.1:27017'),
};

export const grpcClientEnv = {
  /** Default deadline for every outgoing gRPC call. */
  GRPC_DEADLINE_MS: duration(5000),
};
