import {
  commonEnv,
  duration,
  loadConfig,
  port,
  SANDBOX_ACCESS_TOKEN,
  SANDBOX_APP_SECRET,
  SANDBOX_VERIFY_TOKEN,
} from '@pandawa/config';
import { z } from 'zod';

/**
 * The defaults agree with the gateway's and notification's, so `npm run dev` works with no
 * settings: same app secret, access token, verify token and phone number id.
 */
export const sandboxConfigSchema = z.object({
  ...commonEnv,
  WA_SANDBOX_PORT: port(8090),
  /** Bearer token the Graph endpoints accept (what notification sends as WHATSAPP_ACCESS_TOKEN). */
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).default(SANDBOX_ACCESS_TOKEN),
  /** Signs the webhooks (the gateway verifies with the same secret). */
  WHATSAPP_APP_SECRET: z.string().min(1).default(SANDBOX_APP_SECRET),
  /** Sent in Meta's GET subscription handshake to the webhook URL (the gateway checks it). */
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).default(SANDBOX_VERIFY_TOKEN),
  /** The business phone number the citizens write to. */
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/).default('100000000000001'),
  WHATSAPP_DISPLAY_PHONE_NUMBER: z.string().default('6281100000001'),
  WHATSAPP_BUSINESS_ACCOUNT_ID: z.string().default('200000000000001'),
  /** Where webhooks go; empty to only record them. */
  WA_SANDBOX_WEBHOOK_URL: z
    .union([z.url(), z.literal('')])
    .default('http://127.0.0.1:8080/webhooks/whatsapp'),
  WA_SANDBOX_MEDIA_URL_TTL_MS: duration(5 * 60_000),
  /** Cloud API throughput per business phone number. */
  WA_SANDBOX_MESSAGES_PER_SECOND: z.coerce.number().int().positive().default(80),
  WA_SANDBOX_WEBHOOK_RETRY_BASE_MS: duration(1000),
  WA_SANDBOX_WEBHOOK_RETRY_MAX_MS: duration(60_000),
});

export type SandboxConfig = ReturnType<typeof loadSandboxConfig>;

export const loadSandboxConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(sandboxConfigSchema, env);
