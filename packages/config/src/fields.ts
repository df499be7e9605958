import { z } from 'zod';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_API_URL } from './dev-defaults.js';

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

/** One business phone number and the office it serves. */
export interface OfficeNumber {
  phoneNumberId: string;
  officeId: string;
}

/**
 * `WHATSAPP_OFFICES`: `<phone_number_id>=<officeId>,...` — which business phone number serves
 * which office (architecture §1). The gateway reads it one way (number → office), notification
 * the other (office → the number it sends from).
 */
export const officeNumbers = (fallback = '100000000000001=pekanbaru') =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const pairs: OfficeNumber[] = [];
      for (const pair of value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^(\d+)=([a-z0-9][a-z0-9_-]{0,63})$/.exec(pair);
        if (!match) {
          ctx.addIssue({ code: 'custom', message: 'expected <phone_number_id>=<officeId>, ...' });
          return z.NEVER;
        }
        pairs.push({ phoneNumberId: match[1]!, officeId: match[2]! });
      }
      return pairs;
    });

/** Settings every service has. */
export const commonEnv = {
  /**
   * `production` makes the service refuse to start on any published development secret or the
   * sandbox's Cloud API URL (`productionProblems`); the production overlay sets it.
   */
  PANDAWA_ENV: z.enum(['development', 'production']).default('development'),
  /**
   * The address every server of the service listens on (gRPC, HTTP, health). Loopback by
   * default, so `npm run dev` is reachable from this machine only; the manifests set 0.0.0.0.
   */
  BIND_HOST: z.string().min(1).default('127.0.0.1'),
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

/**
 * Meta's WhatsApp Cloud API, for services that call it. The defaults are the wa-sandbox's, so
 * that `npm run dev` works with no settings; production sets real values from a Secret.
 */
export const whatsappApiEnv = {
  WHATSAPP_API_URL: z.url().default(SANDBOX_API_URL),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'like v23.0')
    .default('v23.0'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).default(SANDBOX_ACCESS_TOKEN),
  /** The office's business phone number that sends messages and owns uploaded media. */
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/).default('100000000000001'),
  WHATSAPP_TIMEOUT_MS: duration(15_000),
};

export const grpcClientEnv = {
  /** Default deadline for every outgoing gRPC call. */
  GRPC_DEADLINE_MS: duration(5000),
};
