import { AppError } from '@pandawa/errors';
import { assertOffice, type Actor } from '../domain/actor.js';
import type { DocumentRecord } from '../store/document.record.js';
import { requireDocument, type DocumentContext } from './document-context.js';

/** Attaches one document to a case; attaching it again to the same case changes nothing. */
export async function attachToCase(
  ctx: DocumentContext,
  officeId: string,
  id: string,
  caseId: string,
  actor: Actor,
): Promise<DocumentRecord> {
  assertOffice(actor, officeId);
  if (!caseId)
    throw new AppError('INVALID_ARGUMENT', 'case_id is required', { reason: 'SCOPE_REQUIRED' });
  const record = await requireDocument(ctx, officeId, id);
  if (record.caseId === caseId) return record;
  if (record.caseId)
    throw new AppError('FAILED_PRECONDITION', 'document already belongs to another case', {
      reason: 'DOCUMENT_ALREADY_ATTACHED',
    });
  // A case that closed already starts the document's retention clock at once.
  const closedAt = await ctx.closures.closedAt(officeId, caseId);
  await ctx.documents.attach(officeId, id, caseId, new Date(), closedAt);
  return requireDocument(ctx, officeId, id);
}

/** Attaches every stored document of an intake session to the case it became. */
export async function attachSessionToCase(
  ctx: DocumentContext,
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
  const records = await ctx.documents.listBySession(officeId, sessionRef);
  const out: DocumentRecord[] = [];
  for (const record of records) {
    if (record.caseId && record.caseId !== caseId) continue;
    out.push(await attachToCase(ctx, officeId, record._id, caseId, actor));
  }
  return out;
}
