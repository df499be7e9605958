import { createHash } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import {
  assertOffice,
  assertReason,
  assertRole,
  DOCUMENT_READER_ROLES,
  type Actor,
} from '../domain/actor.js';
import { integrityError, openChunk, type DocumentPart } from '../domain/envelope.cipher.js';
import type { DocumentRecord } from '../store/document.record.js';
import {
  logAccess,
  requireContent,
  requireDocument,
  type DocumentContext,
} from './document-context.js';
import { loggingRefusal } from './refused-reads.js';

/** Metadata of one document; recorded in the access log. */
export async function getDocument(
  ctx: DocumentContext,
  officeId: string,
  id: string,
  actor: Actor,
): Promise<DocumentRecord> {
  const attempt = { officeId, action: 'METADATA', documentId: id, caseId: null } as const;
  return loggingRefusal(ctx, attempt, actor, async () => {
    assertOffice(actor, officeId);
    assertRole(actor, DOCUMENT_READER_ROLES);
    const record = await requireDocument(ctx, officeId, id);
    await logAccess(ctx, record, actor, 'METADATA');
    return record;
  });
}

/**
 * Opens a document's content for streaming. The read is logged before a byte leaves; each
 * chunk is authenticated before it is released, and the whole is checked against its SHA-256.
 */
export async function readDocument(
  ctx: DocumentContext,
  officeId: string,
  id: string,
  actor: Actor,
): Promise<{ record: DocumentRecord; content: AsyncGenerator<Buffer> }> {
  const attempt = { officeId, action: 'READ', documentId: id, caseId: null } as const;
  const record = await loggingRefusal(ctx, attempt, actor, async () => {
    assertOffice(actor, officeId);
    assertRole(actor, DOCUMENT_READER_ROLES);
    assertReason(actor);
    const found = await requireContent(ctx, officeId, id);
    await logAccess(ctx, found, actor, 'READ');
    return found;
  });
  return { record, content: decrypt(ctx, record, 'content', record.chunkCount, record.sha256) };
}

/** The small JPEG preview of an image; logged like a read. */
export async function readPreview(
  ctx: DocumentContext,
  officeId: string,
  id: string,
  actor: Actor,
): Promise<{ record: DocumentRecord; bytes: Buffer }> {
  const attempt = { officeId, action: 'PREVIEW', documentId: id, caseId: null } as const;
  const record = await loggingRefusal(ctx, attempt, actor, async () => {
    assertOffice(actor, officeId);
    assertRole(actor, DOCUMENT_READER_ROLES);
    assertReason(actor);
    const found = await requireContent(ctx, officeId, id);
    if (!found.previewChunks)
      throw new AppError('NOT_FOUND', 'this document has no preview', {
        reason: 'PREVIEW_NOT_FOUND',
      });
    await logAccess(ctx, found, actor, 'PREVIEW');
    return found;
  });
  const parts: Buffer[] = [];
  for await (const part of decrypt(ctx, record, 'preview', record.previewChunks)) parts.push(part);
  return { record, bytes: Buffer.concat(parts) };
}

async function* decrypt(
  ctx: DocumentContext,
  record: DocumentRecord,
  part: DocumentPart,
  count: number,
  sha256?: string,
): AsyncGenerator<Buffer> {
  const { cipher, chunks, logger } = ctx;
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
