import type { Semaphore } from '@pandawa/async';
import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import type { Actor } from '../domain/actor.js';
import type { DocumentLimits } from '../domain/document.validator.js';
import type { DocumentCipher } from '../domain/envelope.cipher.js';
import type { RetryPolicy } from '../ingest/media.fetcher.js';
import type { MediaSource } from '../ingest/media.source.js';
import type { AccessAction, AccessLogRepository } from '../store/access-log.repository.js';
import type { CaseClosureRepository } from '../store/case-closure.repository.js';
import type { DocumentAuditRepository } from '../store/document-audit.repository.js';
import type { DocumentChunkRepository } from '../store/document-chunk.repository.js';
import type { DocumentRecord } from '../store/document.record.js';
import type { DocumentRepository } from '../store/document.repository.js';
import type { MediaClaimRepository } from '../store/media-claim.repository.js';

/** What the use cases work with; built once in document-storage.app.ts. */
export interface DocumentContext {
  documents: DocumentRepository;
  chunks: DocumentChunkRepository;
  claims: MediaClaimRepository;
  accessLog: AccessLogRepository;
  audit: DocumentAuditRepository;
  closures: CaseClosureRepository;
  cipher: DocumentCipher;
  media: MediaSource;
  limits: DocumentLimits;
  chunkBytes: number;
  mediaRetry: RetryPolicy;
  /** Bounds concurrent image decodes. */
  processing: Semaphore;
  logger: Logger;
  /** How long an ingest may hold a media id before another caller may take it over. */
  claimLeaseMs: number;
}

export interface StoredDocument {
  record: DocumentRecord;
  /** True when an existing document was returned instead of storing a new one. */
  deduplicated: boolean;
}

/** A document of the office that is readable as metadata (not still being written). */
export async function requireDocument(
  ctx: DocumentContext,
  officeId: string,
  id: string,
): Promise<DocumentRecord> {
  const record = id ? await ctx.documents.findById(officeId, id) : null;
  if (!record || record.status === 'STORING')
    throw new AppError('NOT_FOUND', 'document not found', { reason: 'DOCUMENT_NOT_FOUND' });
  return record;
}

/** A document whose content is still held (not purged or deleted). */
export async function requireContent(
  ctx: DocumentContext,
  officeId: string,
  id: string,
): Promise<DocumentRecord> {
  const record = await requireDocument(ctx, officeId, id);
  if (record.status !== 'STORED')
    throw new AppError(
      'FAILED_PRECONDITION',
      `document content was ${record.status.toLowerCase()}`,
      {
        reason: record.status === 'PURGED' ? 'DOCUMENT_PURGED' : 'DOCUMENT_DELETED',
      },
    );
  return record;
}

/** Records an allowed read of one document in the access log. */
export async function logAccess(
  ctx: DocumentContext,
  record: DocumentRecord,
  actor: Actor,
  action: AccessAction,
): Promise<void> {
  await ctx.accessLog.record({
    officeId: record.officeId,
    documentId: record._id,
    caseId: record.caseId,
    action,
    actorId: actor.id,
    actorRole: actor.role,
    reason: actor.reason,
    outcome: 'OK',
    actorOfficeId: actor.officeId,
  });
}
