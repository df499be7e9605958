import {
  bool,
  callerSigningEnv,
  commonEnv,
  duration,
  loadConfig,
  natsEnv,
  port,
  SANDBOX_APP_SECRET,
  SANDBOX_VERIFY_TOKEN,
} from '@pandawa/config';
import { z } from 'zod';

/** The wa-sandbox's public webhook secrets: fine for `npm run dev`, refused in production. */
export { SANDBOX_APP_SECRET, SANDBOX_VERIFY_TOKEN };

export const gatewayConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  // No MongoDB and no gRPC clients until the admin API needs them; its caller key is here already.
  ...callerSigningEnv('gateway'),
  /** The HTTP edge: WhatsApp webhook, admin API, `/healthz`, `/readyz`. */
  GATEWAY_PORT: port(8080),
  // WhatsApp webhook. The defaults equal the wa-sandbox's so that `npm run dev` works with no
  // settings; production sets real values from a Secret.
  /** Meta app secret: the key of the `X-Hub-Signature-256` HMAC. */
  WHATSAPP_APP_SECRET: z.string().min(1).default(SANDBOX_APP_SECRET),
  /** Answered in the GET verification handshake. */
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).default(SANDBOX_VERIFY_TOKEN),
  /**
   * Which office each business phone number serves: `<phone_number_id>=<officeId>,...`.
   * Messages to a number not listed are recorded (`wa.in.unhandled`), not processed.
   */
  WHATSAPP_OFFICES: z
    .string()
    .default('100000000000001=pekanbaru')
    .transform((value, ctx) => {
      const offices: Record<string, string> = {};
      for (const pair of value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^(\d+)=([a-z0-9][a-z0-9_-]{0,63})$/.exec(pair);
        if (!match) {
          ctx.addIssue({ code: 'custom', message: 'expected <phone_number_id>=<officeId>, ...' });
          return z.NEVER;
        }
        offices[match[1]!] = match[2]!;
      }
      return offices;
    }),
  /** Meta's payloads are small; the cap keeps a flood of huge bodies from exhausting memory. */
  WEBHOOK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(3 * 1024 * 1024),
  /** How long one publish may wait for JetStream's ack before the webhook is answered 503. */
  WEBHOOK_PUBLISH_TIMEOUT_MS: duration(5000),
  /**
   * Keep a ledger of ids already in WA_IN (a NATS KV bucket), so that Meta's retries after JetStream's
   * two-minute duplicate window do not become second events.
   */
  WEBHOOK_LEDGER_ENABLED: bool(true),
  /** Meta retries for up to 7 days; a day more is kept. */
  WEBHOOK_LEDGER_RETENTION_MS: duration(8 * 24 * 60 * 60 * 1000),
  WEBHOOK_LEDGER_TIMEOUT_MS: duration(1000),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(gatewayConfigSchema, env);
