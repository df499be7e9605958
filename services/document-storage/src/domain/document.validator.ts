import { rejectDocument } from './document-rejection.js';
import {
  sniffDocumentType,
  type AcceptedMime,
  type DocumentFamily,
} from './document-type.sniffer.js';
import { sanitizeImage } from './image.sanitizer.js';
import { inspectPdf } from './pdf.inspector.js';

export interface DocumentLimits {
  imageMaxBytes: number;
  pdfMaxBytes: number;
  maxPixels: number;
  previewMaxSide: number;
}

/** The most any accepted document may weigh: what a download may read before its type is known. */
export const largestAllowed = (limits: DocumentLimits) =>
  Math.max(limits.imageMaxBytes, limits.pdfMaxBytes);

export const limitFor = (limits: DocumentLimits, family: DocumentFamily) =>
  family === 'image' ? limits.imageMaxBytes : limits.pdfMaxBytes;

/** What is stored: images re-encoded without metadata, PDFs as sent. */
export interface ValidatedDocument {
  bytes: Buffer;
  mime: AcceptedMime;
  family: DocumentFamily;
  width?: number;
  height?: number;
  preview?: Buffer;
}

/**
 * Decides from the bytes alone whether a file may be stored, and what is stored. Throws an
 * AppError with a DOCUMENT_* reason and a message for the citizen when it is refused.
 */
export async function validateDocument(
  bytes: Buffer,
  limits: DocumentLimits,
): Promise<ValidatedDocument> {
  const sniffed = sniffDocumentType(bytes.subarray(0, 64));
  if (!sniffed.accepted) throw rejectDocument(sniffed.reason, { detected: sniffed.detected });
  const limit = limitFor(limits, sniffed.family);
  if (bytes.length > limit)
    throw rejectDocument('DOCUMENT_TOO_LARGE', {
      detected: sniffed.mime,
      limitBytes: limit,
      family: sniffed.family,
    });

  if (sniffed.mime === 'application/pdf') {
    const verdict = inspectPdf(bytes);
    if (!verdict.ok) {
      throw verdict.problem === 'truncated'
        ? rejectDocument('DOCUMENT_CORRUPT', { detected: 'application/pdf (truncated)' })
        : rejectDocument('DOCUMENT_PDF_ACTIVE_CONTENT', {
            detected: `application/pdf (${verdict.detail})`,
          });
    }
    return { bytes, mime: sniffed.mime, family: 'pdf' };
  }
  const image = await sanitizeImage(bytes, sniffed.mime, {
    maxPixels: limits.maxPixels,
    previewMaxSide: limits.previewMaxSide,
  });
  return {
    bytes: image.bytes,
    mime: image.mime,
    family: 'image',
    width: image.width,
    height: image.height,
    preview: image.preview,
  };
}
