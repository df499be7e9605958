import { Semaphore } from '@pandawa/async';
import type { Topology } from '@pandawa/contracts';
import type { GrpcServer } from '@pandawa/grpc';
import type { Logger } from '@pandawa/logging';
import type { Connection } from '@pandawa/mongo';
import type { ConsumerHandle, JetStreamClient, JetStreamManager } from '@pandawa/nats';
import { WhatsAppClient } from '@pandawa/whatsapp';
import type { DocumentContext } from './application/document-context.js';
import type { DocumentConfig } from './config.js';
import { DocumentService } from './document.service.js';
import { DocumentCipher } from './domain/envelope.cipher.js';
import { MasterKeyRing } from './domain/master-key.ring.js';
import { parseOfficeDays } from './domain/retention.policy.js';
import { startCaseClosureConsumer } from './events/case-closure.consumer.js';
import { registerDocumentGrpc } from './grpc/document.grpc.js';
import type { MediaSource } from './ingest/media.source.js';
import { WhatsAppMediaSource } from './ingest/whatsapp-media.source.js';
import { RetentionPurgeSchedule } from './schedules/retention-purge.schedule.js';
import { AccessLogRepository } from './store/access-log.repository.js';
import { CaseClosureRepository } from './store/case-closure.repository.js';
import { DocumentAuditRepository } from './store/document-audit.repository.js';
import { DocumentChunkRepository } from './store/document-chunk.repository.js';
import { DocumentRepository } from './store/document.repository.js';
import { MediaClaimRepository } from './store/media-claim.repository.js';

export type DocumentAppConfig = Pick<
  DocumentConfig,
  | 'DOCUMENT_MASTER_KEYS'
  | 'DOCUMENT_ACTIVE_KEY_ID'
  | 'DOCUMENT_IMAGE_MAX_BYTES'
  | 'DOCUMENT_PDF_MAX_BYTES'
  | 'DOCUMENT_MAX_PIXELS'
  | 'DOCUMENT_PREVIEW_MAX_SIDE'
  | 'DOCUMENT_PROCESSING_CONCURRENCY'
  | 'DOCUMENT_CHUNK_BYTES'
  | 'WHATSAPP_API_URL'
  | 'WHATSAPP_API_VERSION'
  | 'WHATSAPP_ACCESS_TOKEN'
  | 'WHATSAPP_PHONE_NUMBER_ID'
  | 'WHATSAPP_TIMEOUT_MS'
  | 'MEDIA_FETCH_ATTEMPTS'
  | 'MEDIA_FETCH_BACKOFF_MS'
  | 'DOCUMENT_RETENTION_DAYS'
  | 'DOCUMENT_RETENTION_DAYS_BY_OFFICE'
  | 'DOCUMENT_UNATTACHED_RETENTION_DAYS'
  | 'DOCUMENT_PURGE_INTERVAL_MS'
>;

export interface DocumentApp {
  service: DocumentService;
  purger: RetentionPurgeSchedule;
  documents: DocumentRepository;
  accessLog: AccessLogRepository;
  audit: DocumentAuditRepository;
  /** Starts the case-closure consumer (when a bus was given) and the retention purge. */
  start(): Promise<void>;
  /** Stops taking case events and purging; waits for work in flight. */
  stop(): Promise<void>;
}

export interface DocumentAppOptions {
  config: DocumentAppConfig;
  mongo: Connection;
  logger: Logger;
  /** Where DocumentService is served; main.ts (and the tests' harness) own the server. */
  grpcServer?: GrpcServer;
  /** For learning from `case.events.status_changed` when cases close. */
  bus?: { js: JetStreamClient; jsm: JetStreamManager; topology: Topology };
  /** Tests give another media source than WhatsApp's Graph API. */
  media?: MediaSource;
}

/**
 * Wires the service: the one place that builds the object graph, from configuration and the
 * connections main.ts (or a test) owns. Edges: gRPC, the case-closure consumer (events/) and the
 * retention purge (schedules/).
 */
export async function createDocumentApp(options: DocumentAppOptions): Promise<DocumentApp> {
  const { config, mongo, logger } = options;
  const documents = new DocumentRepository(mongo);
  const chunks = new DocumentChunkRepository(mongo);
  const claims = new MediaClaimRepository(mongo);
  const accessLog = new AccessLogRepository(mongo);
  const audit = new DocumentAuditRepository(mongo);
  const closures = new CaseClosureRepository(mongo);
  await Promise.all([
    documents.ensureIndexes(),
    chunks.ensureIndexes(),
    accessLog.ensureIndexes(),
    audit.ensureIndexes(),
  ]);

  const ring = MasterKeyRing.fromEntries(
    config.DOCUMENT_MASTER_KEYS,
    config.DOCUMENT_ACTIVE_KEY_ID,
  );
  const media =
    options.media ??
    new WhatsAppMediaSource(
      new WhatsAppClient({
        baseUrl: config.WHATSAPP_API_URL,
        apiVersion: config.WHATSAPP_API_VERSION,
        accessToken: config.WHATSAPP_ACCESS_TOKEN,
        phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
        timeoutMs: config.WHATSAPP_TIMEOUT_MS,
      }),
    );
  const ctx: DocumentContext = {
    documents,
    chunks,
    claims,
    accessLog,
    audit,
    closures,
    cipher: new DocumentCipher(ring),
    media,
    limits: {
      imageMaxBytes: config.DOCUMENT_IMAGE_MAX_BYTES,
      pdfMaxBytes: config.DOCUMENT_PDF_MAX_BYTES,
      maxPixels: config.DOCUMENT_MAX_PIXELS,
      previewMaxSide: config.DOCUMENT_PREVIEW_MAX_SIDE,
    },
    chunkBytes: config.DOCUMENT_CHUNK_BYTES,
    mediaRetry: { attempts: config.MEDIA_FETCH_ATTEMPTS, backoffMs: config.MEDIA_FETCH_BACKOFF_MS },
    processing: new Semaphore(config.DOCUMENT_PROCESSING_CONCURRENCY),
    logger,
    claimLeaseMs: 2 * 60_000,
  };
  const service = new DocumentService(ctx);
  const purger = new RetentionPurgeSchedule({
    ctx,
    logger,
    policy: {
      defaultDays: config.DOCUMENT_RETENTION_DAYS,
      byOffice: parseOfficeDays(config.DOCUMENT_RETENTION_DAYS_BY_OFFICE),
      unattachedDays: config.DOCUMENT_UNATTACHED_RETENTION_DAYS,
      staleStoringMs: 60 * 60 * 1000,
    },
  });
  if (options.grpcServer) registerDocumentGrpc(options.grpcServer, service, logger);

  let closuresConsumer: ConsumerHandle | undefined;
  return {
    service,
    purger,
    documents,
    accessLog,
    audit,
    async start() {
      if (options.bus)
        closuresConsumer = await startCaseClosureConsumer({ ...options.bus, service, logger });
      purger.start(config.DOCUMENT_PURGE_INTERVAL_MS);
    },
    async stop() {
      await closuresConsumer?.stop();
      await purger.stop();
    },
  };
}
