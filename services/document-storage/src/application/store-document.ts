import { createHash } from 'node:crypto';
import { isRejection } from '../domain/document-rejection.js';
import { validateDocument, type ValidatedDocument } from '../domain/document.validator.js';
import { sealChunk, splitChunks, type DocumentPart } from '../domain/envelope.cipher.js';
import type { DocumentRecord, DocumentSource } from '../store/document.record.js';
import type { DocumentContext, StoredDocument } from './document-context.js';

/** Who and what a new document is, as its ingest or upload knows it. */
export type NewDocumentMeta = Pick<
  DocumentRecord,
  'officeId' | 'caseId' | 'sessionRef' | 'citizenRef' | 'kind' | 'source' | 'mediaId' | 'createdBy'
> & { source: DocumentSource };

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Decides from the bytes whether they may be kept (one decode at a time per slot); logs a refusal. */
export async function validateBytes(
  ctx: DocumentContext,
  bytes: Buffer,
  context: { documentId: string; declaredMime?: string },
): Promise<ValidatedDocument> {
  try {
    return await ctx.processing.run(() => validateDocument(bytes, ctx.limits));
  } catch (error) {
    if (isRejection(error)) {
      ctx.logger.info(
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

/**
 * Encrypts and stores validated bytes under `documentId`, or returns the document of the same
 * scope that already holds the same content.
 */
export async function storeValidated(
  ctx: DocumentContext,
  documentId: string,
  validated: ValidatedDocument,
  meta: NewDocumentMeta,
): Promise<StoredDocument> {
  const { documents, chunks, cipher, chunkBytes, closures, logger } = ctx;
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
