import {
  callerSigningEnv,
  commonEnv,
  csv,
  duration,
  grpcClientEnv,
  loadConfig,
  mongoEnv,
  natsEnv,
  port,
} from '@pandawa/config';
import { z } from 'zod';

export const conversationConfigSchema = z.object({
  ...commonEnv,
  ...natsEnv,
  ...mongoEnv,
  ...grpcClientEnv,
  /** Signs the caller proof of its gRPC calls (as citizen or service; architecture §4). */
  ...callerSigningEnv('conversation'),
  MONGO_DB: z.string().default('pandawa_conversation'),
  /** `/healthz` and `/readyz`. */
  HEALTH_PORT: port(8081),
  CASE_ADDR: z.string().default('127.0.0.1:50051'),
  DOCUMENT_ADDR: z.string().default('127.0.0.1:50052'),
  /** A session idle this long is over: the next message says so and shows the menu (§6). */
  SESSION_IDLE_TIMEOUT_MS: duration(30 * 60_000),
  /** Messages one citizen may send a minute before the bot slows them down. */
  CITIZEN_MAX_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(30),
  /** Citizens' messages handled at once (one citizen's always one after another). */
  CONVERSATION_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /**
   * How long a citizen's first message after a pause waits for earlier-sent ones still on their
   * way (WhatsApp may deliver webhooks out of order); 0: none, messages already here are still
   * taken earliest-sent first. Added to the reply time of such messages.
   */
  CONVERSATION_ORDER_HOLD_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /**
   * Handled wamids are remembered this long: Meta redelivers for up to 7 days (architecture §3),
   * so less than that would let a late redelivery take effect twice.
   */
  PROCESSED_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(7 * 86_400_000)
    .default(8 * 86_400_000),
  /** Sessions are kept this long after the citizen's last message (well past expiry), then purged. */
  SESSION_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(3_600_000)
    .default(8 * 86_400_000),
  /** How often the purge of old records runs, and how much one run deletes at most. */
  PURGE_INTERVAL_MS: duration(3_600_000),
  PURGE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  PURGE_MAX_BATCHES: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Documents one complaint may carry (the KK photo included). */
  MAX_DOCUMENTS_PER_CASE: z.coerce.number().int().min(1).max(20).default(10),
  DESCRIPTION_MAX_CHARS: z.coerce.number().int().min(50).max(4000).default(2000),
  /** Told in the greeting's privacy notice: how long documents are kept after a case closes. */
  PRIVACY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Office hours, as the case service's `SERVICE_HOURS` (keep the two equal). */
  SERVICE_HOURS: z.string().default('mon-thu 08:00-15:00; fri 08:00-11:30'),
  SERVICE_UTC_OFFSET: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/, 'like +07:00')
    .default('+07:00'),
  /** Local dates the office is closed, `YYYY-MM-DD,YYYY-MM-DD`. */
  SERVICE_HOLIDAYS: csv(''),
  /** *Info & jam layanan*: the office's address and what to bring (Bahasa Indonesia). */
  OFFICE_ADDRESS: z
    .string()
    .max(300)
    .default('Jl. Jenderal Sudirman No. 464, Pekanbaru (Mal Pelayanan Publik)'),
  OFFICE_WHAT_TO_BRING: z
    .string()
    .max(500)
    .default('KTP-el asli, Kartu Keluarga asli, dan dokumen pendukung (Akta, Ijazah, Buku Nikah)'),
});

export type ConversationConfig = ReturnType<typeof loadConversationConfig>;

export const loadConversationConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(conversationConfigSchema, env);
