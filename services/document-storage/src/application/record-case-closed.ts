import type { DocumentContext } from './document-context.js';

/**
 * Records that a case closed; its documents' retention clock starts at `closedAt`. The first
 * closure recorded wins, so a redelivered event changes nothing. Returns how many documents
 * were stamped.
 */
export async function recordCaseClosed(
  ctx: DocumentContext,
  officeId: string,
  caseId: string,
  closedAt: Date,
  status: string,
): Promise<number> {
  const effective = await ctx.closures.record(officeId, caseId, closedAt, status);
  return ctx.documents.setCaseClosedAt(officeId, caseId, effective);
}
