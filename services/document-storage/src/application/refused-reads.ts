import { AppError } from '@pandawa/errors';
import type { Actor } from '../domain/actor.js';
import type { AccessAction } from '../store/access-log.repository.js';
import type { DocumentContext } from './document-context.js';

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

/**
 * Records a read refused for who asked or how (DENIED_READ_REASONS) in the access log, with
 * the reason code; other errors are not recorded. Filed under the document's own office when
 * the document exists (so "who looked at this document?" shows a caller of another office
 * trying), else under the office the request named. Never fails: a refusal goes back to its
 * caller as it was, whether or not it could be recorded. Also used by the gRPC edge, which
 * refuses a caller of another office before the call reaches a use case.
 */
export async function recordRefusedRead(
  ctx: DocumentContext,
  attempt: ReadAttempt,
  actor: Actor,
  error: unknown,
): Promise<void> {
  const deniedReason = error instanceof AppError ? error.reason : undefined;
  if (!deniedReason || !DENIED_READ_REASONS.has(deniedReason)) return;
  try {
    const owner = attempt.documentId ? await ctx.documents.officeOf(attempt.documentId) : null;
    await ctx.accessLog.record({
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
    ctx.logger.error(
      { err: logError, documentId: attempt.documentId, action: attempt.action, deniedReason },
      'could not record a refused read in the access log',
    );
  }
}

/** Runs a read; if it is refused, records the refusal and rethrows the same error. */
export async function loggingRefusal<T>(
  ctx: DocumentContext,
  attempt: ReadAttempt,
  actor: Actor,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    await recordRefusedRead(ctx, attempt, actor, error);
    throw error;
  }
}
