import { AppError } from '@pandawa/errors';
import { assertOffice, assertRole, DOCUMENT_READER_ROLES, type Actor } from '../domain/actor.js';
import type { DocumentRecord } from '../store/document.record.js';
import type { DocumentContext } from './document-context.js';
import { loggingRefusal } from './refused-reads.js';

/** The documents of one case; the listing is recorded in the access log. */
export async function listCaseDocuments(
  ctx: DocumentContext,
  officeId: string,
  caseId: string,
  actor: Actor,
): Promise<DocumentRecord[]> {
  const attempt = { officeId, action: 'LIST', documentId: '', caseId } as const;
  return loggingRefusal(ctx, attempt, actor, async () => {
    assertOffice(actor, officeId);
    assertRole(actor, DOCUMENT_READER_ROLES);
    if (!caseId)
      throw new AppError('INVALID_ARGUMENT', 'case_id is required', {
        reason: 'SCOPE_REQUIRED',
      });
    const records = await ctx.documents.listByCase(officeId, caseId);
    await ctx.accessLog.record({
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
