import { randomUUID } from 'node:crypto';
import { AppError } from '@pandawa/errors';
import { assertOffice, assertRole, type Actor } from '../domain/actor.js';
import { rejectDocument } from '../domain/document-rejection.js';
import { largestAllowed } from '../domain/document.validator.js';
import type { DocumentContext, StoredDocument } from './document-context.js';
import { storeValidated, validateBytes } from './store-document.js';

export interface UploadInput {
  officeId: string;
  caseId: string;
  kind: string;
  declaredSizeBytes?: number;
}

/** An officer's upload, streamed. Refused as soon as it is over the largest allowed size. */
export async function uploadDocument(
  ctx: DocumentContext,
  input: UploadInput,
  chunks: AsyncIterable<Buffer>,
  actor: Actor,
): Promise<StoredDocument> {
  assertOffice(actor, input.officeId);
  assertRole(actor, ['officer', 'supervisor', 'admin']);
  if (!input.caseId)
    throw new AppError('INVALID_ARGUMENT', 'case_id is required', { reason: 'SCOPE_REQUIRED' });
  const max = largestAllowed(ctx.limits);
  if ((input.declaredSizeBytes ?? 0) > max)
    throw rejectDocument('DOCUMENT_TOO_LARGE', { limits: ctx.limits });
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > max) throw rejectDocument('DOCUMENT_TOO_LARGE', { limits: ctx.limits });
    parts.push(chunk);
  }
  const documentId = randomUUID();
  const validated = await validateBytes(ctx, Buffer.concat(parts, total), { documentId });
  return storeValidated(ctx, documentId, validated, {
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
