import type { Logger } from '@pandawa/logging';
import type { Connection } from '@pandawa/mongo';
import { WhatsAppClient } from '@pandawa/whatsapp';
import type { DocumentConfig } from './config.js';
import { DocumentService } from './document.service.js';
import { DocumentCipher } from './domain/envelope.cipher.js';
import { MasterKeyRing } from './domain/master-key.ring.js';
import type { MediaSource } from './ingest/media.source.js';
import { WhatsAppMediaSource } from './ingest/whatsapp-media.source.js';
import { parseOfficeDays } from './retention/retention.policy.js';
import { RetentionPurger } from './retention/retention.purger.js';
import { Semaphore } from '@pandawa/async';
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
>;

export interface DocumentApp {
  service: DocumentService;
  purger: RetentionPurger;
  documents: DocumentRepository;
  accessLog: AccessLogRepository;
  audit: DocumentAuditRepository;
}

/**
 * Wires the service from configuration and a database connection; main.ts adds the network
 * edges. Tests build it the same way, with another media source if they need one.
 */
export async function createDocumentApp(options: {
  config: DocumentAppConfig;
  mongo: Connection;
  logger: Logger;
  media?: MediaSource;
}): Promise<DocumentApp> {
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
  const service = new DocumentService({
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
  });
  const purger = new RetentionPurger({
    documents,
    chunks,
    service,
    logger,
    policy: {
      defaultDays: config.DOCUMENT_RETENTION_DAYS,
      byOffice: parseOfficeDays(config.DOCUMENT_RETENTION_DAYS_BY_OFFICE),
      unattachedDays: config.DOCUMENT_UNATTACHED_RETENTION_DAYS,
      staleStoringMs: 60 * 60 * 1000,
    },
  });
  return { service, purger, documents, accessLog, audit };
}
