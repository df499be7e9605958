import {
  bool,
  callerTrustEnv,
  commonEnv,
  csv,
  DEV_ONLY_MASTER_KEY_ID,
  DEV_ONLY_MASTER_KEYS,
  duration,
  grpcClientEnv,
  loadConfig,
  mongoEnv,
  natsEnv,
  port,
  whatsappApiEnv,
} from '@pandawa/config';
import { z } from 'zod';

const MB = 1024 * 1024;
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * DEV ONLY. A fixed, published master key (@pandawa/config) so that `npm run dev` works without
 * settings. Anything encrypted under it is as good as plaintext; the service logs a warning while
 * it is active, and refuses to start with it in production (PANDAWA_ENV=production).
 * Real deployments set DOCUMENT_MASTER_KEYS and DOCUMENT_ACTIVE_KEY_ID from a secret.
 */
export { DEV_ONLY_MASTER_KEY_ID };

export const documentConfigSchema = z
  .object({
    ...commonEnv,
    ...natsEnv,
    ...mongoEnv,
    ...grpcClientEnv,
    ...callerTrustEnv,
    MONGO_DB: z.string().default('pandawa_document'),
    /** Serves pandawa.document.v1.DocumentService and grpc.health.v1.Health. */
    DOCUMENT_PORT: port(50052),

    /** `id:<base64 of 32 bytes>` pairs. Old keys stay listed so old documents stay readable. */
    DOCUMENT_MASTER_KEYS: csv(DEV_ONLY_MASTER_KEYS),
    /** The key that wraps the data keys of new documents. */
    DOCUMENT_ACTIVE_KEY_ID: z.string().min(1).default(DEV_ONLY_MASTER_KEY_ID),
    /** Re-wrap data keys of older documents under the active key at start (cheap: no content is re-encrypted). */
    DOCUMENT_REWRAP_ON_START: bool(false),

    DOCUMENT_IMAGE_MAX_BYTES: positiveInt(5 * MB),
    DOCUMENT_PDF_MAX_BYTES: positiveInt(10 * MB),
    /** Width × height above which an image is refused unread (decompression bombs). */
    DOCUMENT_MAX_PIXELS: positiveInt(40_000_000),
    /** Longest side of the officer preview. */
    DOCUMENT_PREVIEW_MAX_SIDE: positiveInt(320),
    /** Images decoded at once: each may hold width × height × 4 bytes while it is re-encoded. */
    DOCUMENT_PROCESSING_CONCURRENCY: positiveInt(2),
    /**
     * Plaintext bytes per stored, separately authenticated chunk: also the most one read holds
     * in memory. 1 MiB rather than GridFS's 255 KiB: on FerretDB every chunk is a round trip
     * with a fixed cost, and 1 MiB chunks read about twice as fast (npm run bench:document).
     */
    DOCUMENT_CHUNK_BYTES: positiveInt(1024 * 1024),

    ...whatsappApiEnv,
    /** Attempts to fetch one media item when WhatsApp fails transiently. */
    MEDIA_FETCH_ATTEMPTS: positiveInt(4),
    MEDIA_FETCH_BACKOFF_MS: duration(500),

    /** Days after a case closes before its documents' content is purged. */
    DOCUMENT_RETENTION_DAYS: positiveInt(90),
    /** Per-office overrides: `pekanbaru:90,dumai:60`. */
    DOCUMENT_RETENTION_DAYS_BY_OFFICE: csv(''),
    /** Documents never attached to a case (abandoned intake) are purged after this many days. */
    DOCUMENT_UNATTACHED_RETENTION_DAYS: positiveInt(30),
    DOCUMENT_PURGE_INTERVAL_MS: duration(60 * 60 * 1000),
  })
  .superRefine((c, ctx) => {
    const ids = c.DOCUMENT_MASTER_KEYS.map((pair) => pair.split(':')[0]);
    if (!ids.includes(c.DOCUMENT_ACTIVE_KEY_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DOCUMENT_ACTIVE_KEY_ID'],
        message: 'must name a key listed in DOCUMENT_MASTER_KEYS',
      });
    }
    for (const entry of c.DOCUMENT_RETENTION_DAYS_BY_OFFICE) {
      if (!/^[a-z0-9_-]+:\d+$/.test(entry)) {
        ctx.addIssue({
          code: 'custom',
          path: ['DOCUMENT_RETENTION_DAYS_BY_OFFICE'],
          message: 'expected office:days pairs',
        });
      }
    }
  });

export type DocumentConfig = ReturnType<typeof loadDocumentConfig>;

export const loadDocumentConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(documentConfigSchema, env);
