import { AppError } from '@pandawa/errors';
import { messagesId } from '../messages.id.js';

/** Stable reasons a document is refused (listed in document.proto); clients branch on them. */
export const REJECTION_REASONS = [
  'DOCUMENT_EMPTY',
  'DOCUMENT_TYPE_NOT_ALLOWED',
  'DOCUMENT_HEIC_NOT_SUPPORTED',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TOO_MANY_PIXELS',
  'DOCUMENT_CORRUPT',
  'DOCUMENT_PDF_ACTIVE_CONTENT',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** `5 MB`, or `500 KB` for limits under a megabyte. */
const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.round((bytes / 1024) * 10) / 10} KB`;

/**
 * A refused document. The message is the Bahasa Indonesia text for the citizen; `detected`
 * (what the bytes turned out to be) goes to logs and details, never the content.
 */
export function rejectDocument(
  reason: RejectionReason,
  extra: {
    detected?: string;
    limitBytes?: number;
    family?: 'image' | 'pdf';
    /** Both limits, for a file whose family is not known yet: the refusal names each. */
    limits?: { imageMaxBytes: number; pdfMaxBytes: number };
    cause?: unknown;
  } = {},
): AppError {
  const details = { ...(extra.detected ? { detected: extra.detected } : {}) };
  const cause = extra.cause === undefined ? {} : { cause: extra.cause };
  switch (reason) {
    case 'DOCUMENT_EMPTY':
      return new AppError('INVALID_ARGUMENT', messagesId.documentEmpty, {
        reason,
        details,
        ...cause,
      });
    case 'DOCUMENT_TYPE_NOT_ALLOWED':
      return new AppError('INVALID_ARGUMENT', messagesId.typeNotAllowed, {
        reason,
        details,
        ...cause,
      });
    case 'DOCUMENT_HEIC_NOT_SUPPORTED':
      return new AppError('INVALID_ARGUMENT', messagesId.heicNotSupported, {
        reason,
        details,
        ...cause,
      });
    case 'DOCUMENT_TOO_LARGE': {
      // The citizen reads the limit of what they sent: a photo's for a photo, a PDF's for a
      // PDF, and both when the file's type is not known (never one family's limit for another).
      const { limits } = extra;
      const limitBytes =
        extra.limitBytes ??
        (limits && extra.family
          ? extra.family === 'image'
            ? limits.imageMaxBytes
            : limits.pdfMaxBytes
          : undefined);
      const limit = size(limitBytes ?? 0);
      const text =
        extra.family === 'image'
          ? messagesId.imageTooLarge(limit)
          : extra.family === 'pdf'
            ? messagesId.pdfTooLarge(limit)
            : limits
              ? messagesId.fileTooLarge(size(limits.imageMaxBytes), size(limits.pdfMaxBytes))
              : messagesId.fileTooLarge(limit, limit);
      return new AppError('PAYLOAD_TOO_LARGE', text, {
        reason,
        details: { ...details, limitBytes },
        ...cause,
      });
    }
    case 'DOCUMENT_TOO_MANY_PIXELS':
      return new AppError('INVALID_ARGUMENT', messagesId.tooManyPixels, {
        reason,
        details,
        ...cause,
      });
    case 'DOCUMENT_CORRUPT':
      return new AppError('INVALID_ARGUMENT', messagesId.corrupt, { reason, details, ...cause });
    case 'DOCUMENT_PDF_ACTIVE_CONTENT':
      return new AppError('INVALID_ARGUMENT', messagesId.pdfActiveContent, {
        reason,
        details,
        ...cause,
      });
  }
}

export function isRejection(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    (REJECTION_REASONS as readonly string[]).includes(error.reason ?? '')
  );
}
