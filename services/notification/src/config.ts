import {
  callerSigningEnv,
  callerTrustEnv,
  commonEnv,
  duration,
  grpcClientEnv,
  loadConfig,
  mongoEnv,
  natsEnv,
  port,
  whatsappApiEnv,
  officeNumbers,
} from '@pandawa/config';
import { z } from 'zod';

const positive = (fallback: number) => z.coerce.number().positive().default(fallback);
const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const notificationConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  /** Signs the caller proof of its gRPC calls (as service only; architecture §4). */
  ...callerSigningEnv('notification'),
  /** Verifies the caller proof of calls to NotificationService (the gateway's, for officers). */
  ...callerTrustEnv,
  MONGO_DB: z.string().default('pandawa_notification'),
  /** `/healthz`, `/readyz` and `/metrics` (Prometheus text). */
  HEALTH_PORT: port(8082),
  /** Serves pandawa.notification.v1.NotificationService and grpc.health.v1.Health. */
  NOTIFICATION_GRPC_PORT: port(50053),
  ...whatsappApiEnv,
  /**
   * Read the access token from this file instead of WHATSAPP_ACCESS_TOKEN, and read it again
   * while sending is paused by a 190 (a Kubernetes Secret mounted as a file is updated in place,
   * so rotating the Secret un-pauses the service without a restart).
   */
  WHATSAPP_ACCESS_TOKEN_FILE: z.string().optional(),
  /** `phone_number_id=officeId,...`: which number sends for which office (the gateway's format). */
  WHATSAPP_OFFICES: officeNumbers().transform((pairs) => {
    // The first number listed for an office is the one it sends from.
    const numbers: Record<string, string> = {};
    for (const p of pairs) numbers[p.officeId] ??= p.phoneNumberId;
    return numbers;
  }),
  /**
   * Sends per second per business phone number (Meta's default throughput is 80). With several
   * replicas, give each its share: the limit is kept per process.
   */
  WHATSAPP_MESSAGES_PER_SECOND: count(80, 1000),
  /** Pacing per recipient, under Meta's pair rate limit (131056): a burst, then this rate. */
  RECIPIENT_BURST: count(45, 1000),
  RECIPIENT_PER_SECOND: positive(1 / 6),
  /** Commands handled at once (each citizen's still one after another). */
  NOTIFY_CONCURRENCY: count(32, 512),
  /** Retries of a transient failure (5xx, 130429, 131056, network) before it is given up. */
  SEND_MAX_ATTEMPTS: count(10, 100),
  SEND_RETRY_BASE_MS: duration(500),
  SEND_RETRY_MAX_MS: duration(60_000),
  /** While a 190 pauses a number: how often the token is re-read and the held send tried again. */
  PAUSE_PROBE_INTERVAL_MS: duration(30_000),
  /**
   * Treat the 24-hour window as closed this long before Meta does, so a send that leaves just
   * inside it does not arrive just outside it (131047).
   */
  WINDOW_SAFETY_MARGIN_MS: duration(5 * 60_000),
  /**
   * Held messages (architecture §3.1): the free-form content a template stood in for, delivered
   * when the citizen next writes. At most this many per citizen and number (past it, the oldest
   * are dropped undelivered), each for at most HELD_MAX_AGE_MS (then purged undelivered).
   */
  HELD_MAX_PER_CITIZEN: count(10, 100),
  HELD_MAX_AGE_MS: duration(7 * 24 * 60 * 60_000),
  /** How often expired held messages are purged. */
  HELD_PURGE_INTERVAL_MS: duration(10 * 60_000),
  /** Approved templates used when the window is closed (names as approved in WhatsApp Manager). */
  TEMPLATE_CASE_UPDATE: z.string().min(1).max(512).default('pandawa_case_update'),
  TEMPLATE_OFFICER_REPLY: z.string().min(1).max(512).default('pandawa_officer_reply'),
  TEMPLATE_LANGUAGE: z.string().min(2).max(15).default('id'),
  /** The case service, told about delivery of officers' replies (`UpdateMessageDelivery`). */
  CASE_ADDR: z.string().min(1).default('127.0.0.1:50051'),
});

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;

export const loadNotificationConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(notificationConfigSchema, env);
