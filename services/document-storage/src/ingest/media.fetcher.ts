import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, isAppError } from '@pandawa/errors';
import type { Logger } from '@pandawa/logging';
import { rejectDocument } from '../domain/document-rejection.js';
import { largestAllowed, type DocumentLimits } from '../domain/document.validator.js';
import { messagesId } from '../messages.id.js';
import type { FetchedMedia, MediaSource } from './media.source.js';

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

/** The error kinds of `@pandawa/whatsapp` this module acts on; anything else is permanent. */
function kindOf(error: unknown): string | undefined {
  return (error as { kind?: string }).kind;
}

/**
 * Fetches media, retrying transient failures (5xx, timeouts, broken transfers, rate limits)
 * with exponential backoff and jitter. What cannot succeed is reported at once:
 * - gone (404, or Graph's "object does not exist" 400) → NOT_FOUND / MEDIA_NOT_FOUND;
 * - larger than allowed → the DOCUMENT_TOO_LARGE refusal;
 * - retries used up, or a credentials problem → UNAVAILABLE / MEDIA_DOWNLOAD_FAILED.
 */
export async function fetchMediaWithRetry(
  source: MediaSource,
  mediaId: string,
  limits: DocumentLimits,
  policy: RetryPolicy,
  logger: Logger,
): Promise<FetchedMedia> {
  // What WhatsApp declares is not trusted: the bytes decide the type, so any file up to the
  // largest limit is fetched and the validator applies its family's limit.
  const maxBytes = largestAllowed(limits);
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return await source.fetch(mediaId, maxBytes);
    } catch (error) {
      lastError = error;
      const kind = kindOf(error);
      if (kind === 'not_found' || kind === 'invalid_parameter')
        throw new AppError('NOT_FOUND', messagesId.mediaNotFound, {
          reason: 'MEDIA_NOT_FOUND',
          cause: error,
        });
      if (kind === 'too_large') {
        const family = familyOfDeclared((error as { declaredMimeType?: string }).declaredMimeType);
        throw rejectDocument('DOCUMENT_TOO_LARGE', {
          limits,
          ...(family ? { family } : {}),
          cause: error,
        });
      }
      const transient = isAppError(error) ? error.transient : !kind;
      if (!transient) break;
      if (attempt < policy.attempts) {
        const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
        const delay =
          Math.max(retryAfter ?? 0, policy.backoffMs * 2 ** (attempt - 1)) +
          Math.random() * policy.backoffMs;
        logger.warn({ attempt, delayMs: Math.round(delay), kind }, 'media fetch failed; retrying');
        await sleep(delay);
      }
    }
  }
  throw new AppError('UNAVAILABLE', messagesId.mediaDownloadFailed, {
    reason: 'MEDIA_DOWNLOAD_FAILED',
    cause: lastError,
  });
}

/**
 * The family WhatsApp's declared type names, only to word a refusal of a file too large to
 * fetch (a 22 MB photo hears the photo limit, not the PDF one).
 */
function familyOfDeclared(mime: string | undefined): 'image' | 'pdf' | undefined {
  if (!mime) return undefined;
  const type = mime.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return undefined;
}
