import { COMMON_LIMITS, DOCUMENT_LIMITS } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { checkRequestBounds, type BoundMessages, type FieldBounds } from '@pandawa/grpc';
import { messagesId } from '../messages.id.js';
import type { DocumentMethod, Req } from './document.proto-types.js';

/**
 * The bound of every field of every DocumentService request (packages/contracts limits.ts), by
 * the name handlers see. A test checks that each string and repeated field of document.proto is
 * here.
 */
export const DOCUMENT_REQUEST_BOUNDS: FieldBounds = {
  officeId: { max: COMMON_LIMITS.officeId },
  id: { max: COMMON_LIMITS.id },
  caseId: { max: COMMON_LIMITS.id },
  documentId: { max: COMMON_LIMITS.id },
  actorId: { max: COMMON_LIMITS.id },
  from: { max: 64 },
  to: { max: 64 },
  pageToken: { max: DOCUMENT_LIMITS.pageToken },
  mediaId: { max: DOCUMENT_LIMITS.mediaId },
  sessionRef: { max: DOCUMENT_LIMITS.sessionRef },
  kind: { max: DOCUMENT_LIMITS.kind },
  citizenRef: { max: DOCUMENT_LIMITS.citizenRef },
  reason: { max: DOCUMENT_LIMITS.deleteReason, multiline: true },
  'header.officeId': { max: COMMON_LIMITS.officeId },
  'header.caseId': { max: COMMON_LIMITS.id },
  'header.kind': { max: DOCUMENT_LIMITS.kind },
  'header.declaredMimeType': { max: DOCUMENT_LIMITS.declaredMimeType },
};

/** Refusals of this service may be passed on to a citizen: in Bahasa Indonesia. */
const BOUND_MESSAGES: BoundMessages = {
  tooLong: messagesId.fieldTooLong,
  tooMany: messagesId.fieldTooMany,
  controlCharacter: messagesId.fieldControlCharacter,
};

/**
 * Refuses a DocumentService request (an upload's header included) that breaks a bound, before
 * anything reads or writes: INVALID_ARGUMENT naming the field and its limit.
 */
export function validateDocumentRequest<M extends DocumentMethod>(_method: M, req: Req<M>): void {
  checkRequestBounds(req, DOCUMENT_REQUEST_BOUNDS, BOUND_MESSAGES);
}

/** An upload's header: its bounds, and a declared size that is a whole, non-negative number. */
export function validateUploadHeader(header: NonNullable<Req<'UploadDocument'>['header']>): number {
  checkRequestBounds({ header }, DOCUMENT_REQUEST_BOUNDS, BOUND_MESSAGES);
  const declared = Number(header.declaredSizeBytes);
  if (!Number.isSafeInteger(declared) || declared < 0)
    throw new AppError('INVALID_ARGUMENT', messagesId.declaredSizeInvalid, {
      reason: 'DECLARED_SIZE_INVALID',
      details: { field: 'header.declared_size_bytes' },
    });
  return declared;
}
