import { AppError } from '@pandawa/errors';
import { assertOffice, assertRole, type Actor } from '../domain/actor.js';
import type { DocumentRecord } from '../store/document.record.js';
import { requireDocument, type DocumentContext } from './document-context.js';

/** Removes a document's content for good (an officer's decision); metadata and audit stay. */
export async function deleteDocument(
  ctx: DocumentContext,
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
  await requireDocument(ctx, officeId, id);
  await removeContent(ctx, officeId, id, 'DELETED', actor.id, reason);
  return requireDocument(ctx, officeId, id);
}

/**
 * Crypto-shreds then deletes a document's content, and writes the audit record. Idempotent:
 * a second run (or a run after a crash half-way) finishes what is left and adds nothing.
 * Returns whether this run removed the content.
 */
export async function removeContent(
  ctx: DocumentContext,
  officeId: string,
  id: string,
  action: 'PURGED' | 'DELETED',
  actorId: string,
  reason: string,
): Promise<boolean> {
  const { documents, chunks, audit, logger } = ctx;
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
