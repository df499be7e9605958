import {
  adminJwtEnv,
  bool,
  callerSigningEnv,
  commonEnv,
  csv,
  duration,
  grpcClientEnv,
  loadConfig,
  mongoEnv,
  natsEnv,
  port,
  SANDBOX_APP_SECRET,
  SANDBOX_VERIFY_TOKEN,
  officeNumbers,
} from '@pandawa/config';
import { z } from 'zod';

/** The wa-sandbox's public webhook secrets: fine for `npm run dev`, refused in production. */
export { SANDBOX_APP_SECRET, SANDBOX_VERIFY_TOKEN };

export const gatewayConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  /** The admin API's store: accounts, refresh tokens, sign-in throttling. */
  MONGO_DB: z.string().default('pandawa_gateway'),
  /** Signs the caller proof of the officer calls it makes to case and document-storage (§4). */
  ...callerSigningEnv('gateway'),
  CASE_ADDR: z.string().min(1).default('127.0.0.1:50051'),
  DOCUMENT_ADDR: z.string().min(1).default('127.0.0.1:50052'),
  /** Asked for a citizen's 24-hour window before an officer's free-form reply is accepted. */
  NOTIFICATION_ADDR: z.string().min(1).default('127.0.0.1:50053'),
  /**
   * The deadline of a document's download from document-storage (a stream): longer than a
   * question's (`GRPC_DEADLINE_MS`), for a 10 MB PDF to a desk on a slow link.
   */
  DOCUMENT_DOWNLOAD_DEADLINE_MS: duration(120_000),
  // The admin API (architecture §8).
  ...adminJwtEnv,
  ADMIN_JWT_ISSUER: z.string().min(1).max(200).default('pandawa-gateway'),
  ADMIN_JWT_AUDIENCE: z.string().min(1).max(200).default('pandawa-admin-api'),
  /** Access tokens are short-lived: a stolen one is good for minutes. */
  ADMIN_ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(30).max(3600).default(600),
  /** A refresh token (httpOnly cookie) keeps a desk session for a working day. */
  ADMIN_REFRESH_TOKEN_TTL_MS: duration(12 * 60 * 60 * 1000),
  /** `Secure` on the refresh cookie: off only for plain-HTTP development. */
  ADMIN_SECURE_COOKIES: bool(true),
  /** Origins a browser console may call the admin API from (comma-separated). */
  ADMIN_CORS_ORIGINS: csv(''),
  /** Live case streams (`GET /api/cases/stream`) one account may hold open, per gateway replica. */
  ADMIN_STREAMS_PER_ACCOUNT: z.coerce.number().int().min(1).max(20).default(3),
  /** A heartbeat on every live stream this often (proxies close idle connections). */
  ADMIN_STREAM_HEARTBEAT_MS: duration(15_000),
  ADMIN_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(1024 * 1024)
    .default(64 * 1024),
  /** Failed sign-ins per username before a lock-out, per fixed window. */
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Failed sign-ins per client address before a lock-out (an office shares one NAT address). */
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(100),
  SIGN_IN_WINDOW_MS: duration(15 * 60 * 1000),
  SIGN_IN_LOCKOUT_MS: duration(15 * 60 * 1000),
  /**
   * Citizens' full NIK and KK numbers one officer may reveal per window (`POST
   * /api/cases/{id}/identity/reveal`), across replicas: a desk checks a few cases an hour in SIAK;
   * more is a harvest, refused with 429 and visible in the audit trails.
   */
  REVEAL_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(30),
  REVEAL_WINDOW_MS: duration(60 * 60 * 1000),
  /** The HTTP edge: WhatsApp webhook, admin API, `/healthz`, `/readyz`. */
  GATEWAY_PORT: port(8080),
  /**
   * Reverse proxies in front of the gateway whose `X-Forwarded-For` is believed (the manifests:
   * 1, the ingress). 0 locally: a client cannot choose the address sign-in throttling counts.
   */
  GATEWAY_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
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
  WHATSAPP_OFFICES: officeNumbers().transform((pairs) =>
    Object.fromEntries(pairs.map((p) => [p.phoneNumberId, p.officeId])),
  ),
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

/**
 * The one setting only `npm run bootstrap-admin` reads (the service never does, so it is not
 * in the service's schema): the first admin's password, from the environment so that it stays
 * out of the shell history and `ps`.
 */
export const bootstrapAdminConfigSchema = z.object({
  ADMIN_BOOTSTRAP_PASSWORD: z.string().min(12),
});

export const loadBootstrapAdminConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(bootstrapAdminConfigSchema, env);
