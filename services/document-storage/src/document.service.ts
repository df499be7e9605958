import { setTimeout as sleep } from 'node:timers/promises';
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import { withSpan } from '@pandawa/telemetry';
import {
  assertOffice,
  assertReason,
  assertRole,
  DOCUMENT_READER_ROLES,
  type Actor,
} from './domain/actor.js';
import { isRejection, rejectDocument } from './domain/document-rejection.js';
import {
  largestAllowed,
  validateDocument,
  type DocumentLimits,
  type ValidatedDocument,
} from './domain/document.validator.js';
import {
  integrityError,
  openChunk,
  sealChunk,
  splitChunks,
  type DocumentCipher,
  type DocumentPart,
} from './domain/envelope.cipher.js';
import { fetchMediaWithRetry, type RetryPolicy } from './ingest/media.fetcher.js';
import type { MediaSource } from './ingest/media.source.js';
import type { Semaphore } from '@pandawa/async';
import type { AccessAction, AccessLogRepository } from './store/access-log.repository.js';
import type { CaseClosureRepository } from './store/case-closure.repository.js';
import type { DocumentAuditRepository } from './store/document-audit.repository.js';
import type { DocumentChunkRepository } from './store/document-chunk.repository.js';
import type { DocumentRecord, DocumentSource } from './store/document.record.js';
import type { DocumentRepository } from './store/document.repository.js';
import type { MediaClaimRepository } from './store/media-claim.repository.js';

export interface DocumentServiceDeps {
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
  claimLeaseMs?: number;
}

export interface StoredDocument {
  record: DocumentRecord;
  /** True when an existing document was returned instead of storing a new one. */
  deduplicated: boolean;
}

export interface IngestInput {
  officeId: string;
  mediaId: string;
  caseId?: string;
  sessionRef?: string;
  kind: string;
  citizenRef?: string;
}

export interface UploadInput {
  officeId: string;
  caseId: string;
  kind: string;
  declaredSizeBytes?: number;
}

/** A read as asked for: what the access log records when it is refused. */
export interface ReadAttempt {
  /** The office the request named. */
  officeId: string;
  action: AccessAction;
  /** '' for LIST. */
  documentId: string;
  /** For LIST: the case asked for. */
  caseId: string | null;
}

/**
 * Reason codes of a read refused for who asked or how: recorded in the access log as DENIED.
 * DOCUMENT_NOT_FOUND is one, because another office's document is reported as not found. Refusals
 * that say nothing about the caller (content purged or deleted, no preview) are not.
 */
const DENIED_READ_REASONS: ReadonlySet<string> = new Set([
  'OTHER_OFFICE', // the gRPC edge: caller's office is not the request's
  'OFFICE_MISMATCH',
  'ROLE_NOT_ALLOWED',
  'ACCESS_REASON_REQUIRED',
  'DOCUMENT_NOT_FOUND',
]);

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const opt = (s: string | undefined) => (s ? s : null);

/**
 * The document store's use cases. Gets bytes (from WhatsApp or an officer's upload), decides
 * from the bytes whether they may be kept, strips what must not be kept, encrypts, stores, and
 * serves them back to callers who say who they are and why they look.
 */
export class DocumentService {
  private readonly claimLeaseMs: number;

  constructor(private readonly deps: DocumentServiceDeps) {
    this.claimLeaseMs = deps.claimLeaseMs ?? 2 * 60_000;
  }

  /**
   * Fetches a citizen's media from WhatsApp and stores it. Idempotent per media id, also when
   * called twice at once: the second call waits for the first and returns its document.
   */
  async ingestFromWhatsApp(
    input: IngestInput,
    actor: Actor,
    /** Aborted when the caller gives up: a call waiting for another's ingest stops waiting. */
    signal?: AbortSignal,
  ): Promise<StoredDocument> {
    assertOffice(actor, input.officeId);
    if (!input.mediaId)
      throw new AppError('INVALID_ARGUMENT', 'media_id is required', {
        reason: 'MEDIA_ID_REQUIRED',
      });
    if (!input.caseId && !input.sessionRef)
      throw new AppError('INVALID_ARGUMENT', 'case_id or session_ref is required', {
        reason: 'SCOPE_REQUIRED',
      });
    return withSpan(
      'document.ingest',
      { attributes: { 'pandawa.office_id': input.officeId } },
      async (span) => {
        const { claims, logger } = this.deps;
        const deadline = Date.now() + this.claimLeaseMs * 2;
        while (Date.now() < deadline && !signal?.aborted) {
          const claim = await claims.claim(
            input.officeId,
            input.mediaId,
            randomUUID(),
            this.claimLeaseMs,
          );
          if (claim.won) {
            span.setAttribute('pandawa.document_id', claim.documentId);
            return this.ingestClaimed(input, claim.documentId, actor);
          }
          if (claim.state === 'DONE') {
            const record = await this.deps.documents.findById(input.officeId, claim.documentId);
            if (record) return { record, deduplicated: true };
          }
          // Someone else is fetching this media right now: wait for their document.
          await sleep(100);
          logger.debug(
            { documentId: claim.documentId },
            'media id being ingested by another call; waiting',
          );
        }
        throw new AppError('UNAVAILABLE', 'media ingest still in progress elsewhere', {
          reason: 'INGEST_IN_PROGRESS',
        });
      },
    );
  }

  private async ingestClaimed(
    input: IngestInput,
    documentId: string,
    actor: Actor,
  ): Promise<StoredDocument> {
    const { claims, limits, logger } = this.deps;
    try {
      const media = await fetchMediaWithRetry(
        this.deps.media,
        input.mediaId,
        largestAllowed(limits),
        this.deps.mediaRetry,
        logger,
      );
      const validated = await this.validate(media.bytes, {
        documentId,
        declaredMime: media.declaredMime,
      });
      const stored = await this.store(documentId, validated, {
        officeId: input.officeId,
        caseId: opt(input.caseId),
        sessionRef: opt(input.sessionRef),
        citizenRef: opt(input.citizenRef),
        kind: input.kind || 'LAINNYA',
        source: 'WHATSAPP',
        mediaId: input.mediaId,
        createdBy: actor.id,
      });
      await claims.complete(input.officeId, input.mediaId, documentId, stored.record._id);
      return stored;
    } catch (error) {
      // Nothing was stored (a refused or unfetchable file never becomes an empty document);
      // give the media id back so that a later call may try again.
      await claims
        .release(input.officeId, input.mediaId, documentId)
        .catch((releaseError: unknown) =>
          logger.error({ err: releaseError, documentId }, 'could not release media claim'),
        );
      throw error;
    }
  }

  /** An officer's upload, streamed. Refused as soon as it is over the largest allowed size. */
  async upload(
    input: UploadInput,
    chunks: AsyncIterable<Buffer>,
    actor: Actor,
  ): Promise<StoredDocument> {
    assertOffice(actor, input.officeId);
    assertRole(actor, ['officer', 'supervisor', 'admin']);
    if (!input.caseId)
      throw new AppError('INVALID_ARGUMENT', 'case_id is required', { reason: 'SCOPE_REQUIRED' });
    const max = largestAllowed(this.deps.limits);
    if ((input.declaredSizeBytes ?? 0) > max)
      throw rejectDocument('DOCUMENT_TOO_LARGE', { limitBytes: max });
    const parts: Buffer[] = [];
    let total = 0;
    for await (const chunk of chunks) {
      total += chunk.length;
      if (total > max) throw rejectDocument('DOCUMENT_TOO_LARGE', { limitBytes: max });
      parts.push(chunk);
    }
    const documentId = randomUUID();
    const validated = await this.validate(Buffer.concat(parts, total), { documentId });
    return this.store(documentId, validated, {
      officeId: input.officeId,
      caseId: input.caseId,
      sessionRef: null,
      citizenRef: null,
      kind: input.kind || 'LAINNYA',
      source: 'UPLOAD',
      mediaId: null,
      createdBy: actor.id,
    });
  }

  private async validate(
    bytes: Buffer,
    context: { documentId: string; declaredMime?: string },
  ): Promise<ValidatedDocument> {
    try {
      return await this.deps.processing.run(() => validateDocument(bytes, this.deps.limits));
    } catch (error) {
      if (isRejection(error)) {
        this.deps.logger.info(
          {
            ...context,
            reason: error.reason,
            detected: error.details?.detected,
            sizeBytes: bytes.length,
          },
          'document refused',
        );
      }
      throw error;
    }
  }

  private async store(
    documentId: string,
    validated: ValidatedDocument,
    meta: Pick<
      DocumentRecord,
      | 'officeId'
      | 'caseId'
      | 'sessionRef'
      | 'citizenRef'
      | 'kind'
      | 'source'
      | 'mediaId'
      | 'createdBy'
    > & { source: DocumentSource },
  ): Promise<StoredDocument> {
    const { documents, chunks, cipher, chunkBytes, closures, logger } = this.deps;
    const sha256 = sha256Hex(validated.bytes);
    const duplicate = await documents.findDuplicate(meta.officeId, meta, sha256);
    if (duplicate) {
      logger.info({ documentId: duplicate._id }, 'same content already stored here; returning it');
      return { record: duplicate, deduplicated: true };
    }
    const closedAt = meta.caseId ? await closures.closedAt(meta.officeId, meta.caseId) : null;
    const { key, wrapped, noncePrefix } = cipher.createDataKey(documentId);
    try {
      const content = splitChunks(validated.bytes, chunkBytes);
      const preview = validated.preview ? splitChunks(validated.preview, chunkBytes) : [];
      const now = new Date();
      const record: DocumentRecord = {
        _id: documentId,
        ...meta,
        mimeType: validated.mime,
        sizeBytes: validated.bytes.length,
        sha256,
        width: validated.width ?? null,
        height: validated.height ?? null,
        // STORING until every chunk is written: readers ignore it, and the purger removes one
        // whose writer died.
        status: 'STORING',
        chunkCount: content.length,
        chunkBytes,
        previewChunks: preview.length,
        encryption: {
          alg: 'aes-256-gcm',
          keyId: wrapped.keyId,
          wrappedKey: wrapped.wrapped,
          noncePrefix,
        },
        createdAt: now,
        attachedAt: meta.caseId ? now : null,
        caseClosedAt: closedAt,
        removedAt: null,
      };
      await documents.insert(record);
      const seal = (part: DocumentPart, list: Buffer[]) =>
        list.map((plain, index) =>
          sealChunk(
            key,
            noncePrefix,
            { documentId, part, index, last: index === list.length - 1 },
            plain,
          ),
        );
      await chunks.write(documentId, 'content', seal('content', content));
      if (preview.length) await chunks.write(documentId, 'preview', seal('preview', preview));
      await documents.markStored(meta.officeId, documentId);
      logger.info(
        {
          documentId,
          mimeType: validated.mime,
          sizeBytes: validated.bytes.length,
          keyId: wrapped.keyId,
        },
        'document stored',
      );
      return { record: { ...record, status: 'STORED' }, deduplicated: false };
    } finally {
      key.fill(0);
    }
  }

  /** Metadata of one document; recorded in the access log. */
  async get(officeId: string, id: string, actor: Actor): Promise<DocumentRecord> {
    const attempt: ReadAttempt = { officeId, action: 'METADATA', documentId: id, caseId: null };
    return this.loggingRefusal(attempt, actor, async () => {
      assertOffice(actor, officeId);
      assertRole(actor, DOCUMENT_READER_ROLES);
      const record = await this.require(officeId, id);
      await this.logAccess(record, actor, 'METADATA', 'OK');
      return record;
    });
  }

  /**
   * Opens a document's content for streaming. The read is logged before a byte leaves; each
   * chunk is authenticated before it is released, and the whole is checked against its SHA-256.
   */
  async read(
    officeId: string,
    id: string,
    actor: Actor,
  ): Promise<{ record: DocumentRecord; content: AsyncGenerator<Buffer> }> {
    const attempt: ReadAttempt = { officeId, action: 'READ', documentId: id, caseId: null };
    const record = await this.loggingRefusal(attempt, actor, async () => {
      assertOffice(actor, officeId);
      assertRole(actor, DOCUMENT_READER_ROLES);
      assertReason(actor);
      const found = await this.requireContent(officeId, id);
      await this.logAccess(found, actor, 'READ', 'OK');
      return found;
    });
    return { record, content: this.decrypt(record, 'content', record.chunkCount, record.sha256) };
  }

  async readAll(
    officeId: string,
    id: string,
    actor: Actor,
  ): Promise<{ record: DocumentRecord; bytes: Buffer }> {
    const { record, content } = await this.read(officeId, id, actor);
    const parts: Buffer[] = [];
    for await (const part of content) parts.push(part);
    return { record, bytes: Buffer.concat(parts) };
  }

  async readPreview(
    officeId: string,
    id: string,
    actor: Actor,
  ): Promise<{ record: DocumentRecord; bytes: Buffer }> {
    const attempt: ReadAttempt = { officeId, action: 'PREVIEW', documentId: id, caseId: null };
    const record = await this.loggingRefusal(attempt, actor, async () => {
      assertOffice(actor, officeId);
      assertRole(actor, DOCUMENT_READER_ROLES);
      assertReason(actor);
      const found = await this.requireContent(officeId, id);
      if (!found.previewChunks)
        throw new AppError('NOT_FOUND', 'this document has no preview', {
          reason: 'PREVIEW_NOT_FOUND',
        });
      await this.logAccess(found, actor, 'PREVIEW', 'OK');
      return found;
    });
    const parts: Buffer[] = [];
    for await (const part of this.decrypt(record, 'preview', record.previewChunks))
      parts.push(part);
    return { record, bytes: Buffer.concat(parts) };
  }

  private async *decrypt(
    record: DocumentRecord,
    part: DocumentPart,
    count: number,
    sha256?: string,
  ): AsyncGenerator<Buffer> {
    const { cipher, chunks, logger } = this.deps;
    const encryption = record.encryption;
    if (!encryption) throw integrityError();
    const documentId = record._id;
    const hash = createHash('sha256');
    let key: Buffer | undefined;
    try {
      key = cipher.unwrapDataKey(documentId, {
        keyId: encryption.keyId,
        wrapped: encryption.wrappedKey,
      });
      for (let index = 0; index < count; index++) {
        const sealed = await chunks.read(documentId, part, index);
        if (!sealed) throw integrityError();
        const plain = openChunk(
          key,
          encryption.noncePrefix,
          { documentId, part, index, last: index === count - 1 },
          sealed,
        );
        hash.update(plain);
        yield plain;
      }
      if (sha256 && hash.digest('hex') !== sha256) throw integrityError();
    } catch (error) {
      if (error instanceof AppError && error.reason === 'DOCUMENT_INTEGRITY_FAILED')
        logger.error(
          { documentId, part },
          'document failed its integrity check: stored bytes were altered',
        );
      throw error;
    } finally {
      key?.fill(0);
    }
  }

  async listByCase(officeId: string, caseId: string, actor: Actor): Promise<DocumentRecord[]> {
    const attempt: ReadAttempt = { officeId, action: 'LIST', documentId: '', caseId };
    return this.loggingRefusal(attempt, actor, async () => {
      assertOffice(actor, officeId);
      assertRole(actor, DOCUMENT_READER_ROLES);
      if (!caseId)
        throw new AppError('INVALID_ARGUMENT', 'case_id is required', {
          reason: 'SCOPE_REQUIRED',
        });
      const records = await this.deps.documents.listByCase(officeId, caseId);
      await this.deps.accessLog.record({
        officeId,
        documentId: '',
        caseId,
        action: 'LIST',
        actorId: actor.id,
        actorRole: actor.role,
        reason: actor.reason,
        outcome: 'OK',
        actorOfficeId: actor.officeId,
      });
      return records;
    });
  }

  /**
   * Records a read refused for who asked or how (DENIED_READ_REASONS) in the access log, with
   * the reason code; other errors are not recorded. Filed under the document's own office when
   * the document exists (so "who looked at this document?" shows a caller of another office
   * trying), else under the office the request named. Never fails: a refusal goes back to its
   * caller as it was, whether or not it could be recorded. Public for the gRPC edge, which
   * refuses a caller of another office before the call gets here.
   */
  async recordRefusedRead(attempt: ReadAttempt, actor: Actor, error: unknown): Promise<void> {
    const deniedReason = error instanceof AppError ? error.reason : undefined;
    if (!deniedReason || !DENIED_READ_REASONS.has(deniedReason)) return;
    try {
      const owner = attempt.documentId
        ? await this.deps.documents.officeOf(attempt.documentId)
        : null;
      await this.deps.accessLog.record({
        officeId: owner ?? attempt.officeId,
        documentId: attempt.documentId,
        caseId: attempt.caseId,
        action: attempt.action,
        actorId: actor.id,
        actorRole: actor.role,
        reason: actor.reason,
        outcome: 'DENIED',
        deniedReason,
        actorOfficeId: actor.officeId,
      });
    } catch (logError) {
      this.deps.logger.error(
        { err: logError, documentId: attempt.documentId, action: attempt.action, deniedReason },
        'could not record a refused read in the access log',
      );
    }
  }

  /** Runs a read; if it is refused, records the refusal and rethrows the same error. */
  private async loggingRefusal<T>(
    attempt: ReadAttempt,
    actor: Actor,
    read: () => Promise<T>,
  ): Promise<T> {
    try {
      return await read();
    } catch (error) {
      await this.recordRefusedRead(attempt, actor, error);
      throw error;
    }
  }

  async attach(
    officeId: string,
    id: string,
    caseId: string,
    actor: Actor,
  ): Promise<DocumentRecord> {
    assertOffice(actor, officeId);
    if (!caseId)
      throw new AppError('INVALID_ARGUMENT', 'case_id is required', { reason: 'SCOPE_REQUIRED' });
    const record = await this.require(officeId, id);
    if (record.caseId === caseId) return record;
    if (record.caseId)
      throw new AppError('FAILED_PRECONDITION', 'document already belongs to another case', {
        reason: 'DOCUMENT_ALREADY_ATTACHED',
      });
    const closedAt = await this.deps.closures.closedAt(officeId, caseId);
    await this.deps.documents.attach(officeId, id, caseId, new Date(), closedAt);
    return this.require(officeId, id);
  }

  /** Attaches every stored document of an intake session to the case it became. */
  async attachSession(
    officeId: string,
    sessionRef: string,
    caseId: string,
    actor: Actor,
  ): Promise<DocumentRecord[]> {
    assertOffice(actor, officeId);
    if (!sessionRef || !caseId)
      throw new AppError('INVALID_ARGUMENT', 'session_ref and case_id are required', {
        reason: 'SCOPE_REQUIRED',
      });
    const records = await this.deps.documents.listBySession(officeId, sessionRef);
    const out: DocumentRecord[] = [];
    for (const record of records) {
      if (record.caseId && record.caseId !== caseId) continue;
      out.push(await this.attach(officeId, record._id, caseId, actor));
    }
    return out;
  }

  /** Removes a document's content for good (an officer's decision); metadata and audit stay. */
  async delete(
    officeId: string,
    id: string,
    reason: string,
    actor: Actor,
  ): Promise<DocumentRecord> {
    assertOffice(actor, officeId);
    assertRole(actor, ['supervisor', 'admin']);
    if (!reason.trim())
      throw new AppError('INVALID_ARGUMENT', 'a reason is required to delete a document', {
        reason: 'DELETE_REASON_REQUIRED',
      });
    await this.require(officeId, id);
    await this.removeContent(officeId, id, 'DELETED', actor.id, reason);
    return this.require(officeId, id);
  }

  /**
   * Crypto-shreds then deletes a document's content, and writes the audit record. Idempotent:
   * a second run (or a run after a crash half-way) finishes what is left and adds nothing.
   */
  async removeContent(
    officeId: string,
    id: string,
    action: 'PURGED' | 'DELETED',
    actorId: string,
    reason: string,
  ): Promise<boolean> {
    const { documents, chunks, audit, logger } = this.deps;
    const before = await documents.shred(officeId, id, action, new Date());
    const current = before ?? (await documents.findById(officeId, id));
    if (!current || (!before && !current.cleanupPending)) return false;
    // By exact chunk ids from the record's counts (see DocumentChunkRepository.deleteAll).
    await chunks.deleteAll(current);
    await audit.record({
      action: before ? action : current.status === 'DELETED' ? 'DELETED' : 'PURGED',
      documentId: id,
      officeId,
      caseId: current.caseId,
      kind: current.kind,
      mimeType: current.mimeType,
      sizeBytes: current.sizeBytes,
      createdAt: current.createdAt,
      caseClosedAt: current.caseClosedAt,
      actorId,
      reason,
      at: new Date(),
    });
    await documents.finishCleanup(officeId, id);
    if (before) logger.info({ documentId: id, action }, 'document content removed');
    return before !== null;
  }

  /** Records that a case closed; its documents' retention clock starts at `closedAt`. */
  async recordCaseClosed(
    officeId: string,
    caseId: string,
    closedAt: Date,
    status: string,
  ): Promise<number> {
    const effective = await this.deps.closures.record(officeId, caseId, closedAt, status);
    return this.deps.documents.setCaseClosedAt(officeId, caseId, effective);
  }

  /**
   * Re-wraps data keys held by older master keys under the active one. Only the 60-byte wrapped
   * key changes; the content is not re-encrypted. Once it reports 0 left, old keys may go.
   */
  async rewrapKeys(batch = 200): Promise<{ rewrapped: number; failed: number }> {
    const { documents, cipher, logger } = this.deps;
    let rewrapped = 0;
    const failed = new Set<string>();
    for (;;) {
      const records = (
        await documents.findWrappedByOtherKey(cipher.activeKeyId, batch + failed.size)
      ).filter((r) => !failed.has(r._id));
      if (!records.length) break;
      for (const record of records) {
        if (!record.encryption) continue;
        try {
          const next = cipher.rewrap(record._id, {
            keyId: record.encryption.keyId,
            wrapped: record.encryption.wrappedKey,
          });
          if (!next) continue;
          const ok = await documents.replaceWrappedKey(
            record.officeId,
            record._id,
            record.encryption.keyId,
            {
              ...record.encryption,
              keyId: next.keyId,
              wrappedKey: next.wrapped,
            },
          );
          if (ok) rewrapped++;
        } catch (error) {
          // One damaged key must not stop the rotation of all the others.
          failed.add(record._id);
          logger.error(
            { err: error, documentId: record._id, keyId: record.encryption.keyId },
            'could not re-wrap document key',
          );
        }
      }
    }
    if (rewrapped || failed.size)
      logger.info(
        { rewrapped, failed: failed.size, keyId: cipher.activeKeyId },
        'document keys re-wrapped',
      );
    return { rewrapped, failed: failed.size };
  }

  private async require(officeId: string, id: string): Promise<DocumentRecord> {
    const record = id ? await this.deps.documents.findById(officeId, id) : null;
    if (!record || record.status === 'STORING')
      throw new AppError('NOT_FOUND', 'document not found', { reason: 'DOCUMENT_NOT_FOUND' });
    return record;
  }

  private async requireContent(officeId: string, id: string): Promise<DocumentRecord> {
    const record = await this.require(officeId, id);
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

  private async logAccess(
    record: DocumentRecord,
    actor: Actor,
    action: AccessAction,
    outcome: 'OK',
  ): Promise<void> {
    await this.deps.accessLog.record({
      officeId: record.officeId,
      documentId: record._id,
      caseId: record.caseId,
      action,
      actorId: actor.id,
      actorRole: actor.role,
      reason: actor.reason,
      outcome,
      actorOfficeId: actor.officeId,
    });
  }
}
