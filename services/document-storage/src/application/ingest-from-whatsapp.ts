import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@pandawa/errors';
import { withSpan } from '@pandawa/telemetry';
import { assertOffice, type Actor } from '../domain/actor.js';
import { fetchMediaWithRetry } from '../ingest/media.fetcher.js';
import type { DocumentContext, StoredDocument } from './document-context.js';
import { storeValidated, validateBytes } from './store-document.js';

export interface IngestInput {
  officeId: string;
  mediaId: string;
  caseId?: string;
  sessionRef?: string;
  kind: string;
  citizenRef?: string;
}

const opt = (s: string | undefined) => (s ? s : null);

/**
 * Fetches a citizen's media from WhatsApp and stores it. Idempotent per media id, also when
 * called twice at once: the second call waits for the first and returns its document.
 */
export async function ingestFromWhatsApp(
  ctx: DocumentContext,
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
      const { claims, logger } = ctx;
      const deadline = Date.now() + ctx.claimLeaseMs * 2;
      while (Date.now() < deadline && !signal?.aborted) {
        const claim = await claims.claim(
          input.officeId,
          input.mediaId,
          randomUUID(),
          ctx.claimLeaseMs,
        );
        if (claim.won) {
          span.setAttribute('pandawa.document_id', claim.documentId);
          return ingestClaimed(ctx, input, claim.documentId, actor);
        }
        if (claim.state === 'DONE') {
          const record = await ctx.documents.findById(input.officeId, claim.documentId);
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

async function ingestClaimed(
  ctx: DocumentContext,
  input: IngestInput,
  documentId: string,
  actor: Actor,
): Promise<StoredDocument> {
  const { claims, limits, logger } = ctx;
  try {
    const media = await fetchMediaWithRetry(
      ctx.media,
      input.mediaId,
      limits,
      ctx.mediaRetry,
      logger,
    );
    const validated = await validateBytes(ctx, media.bytes, {
      documentId,
      declaredMime: media.declaredMime,
    });
    const stored = await storeValidated(ctx, documentId, validated, {
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
