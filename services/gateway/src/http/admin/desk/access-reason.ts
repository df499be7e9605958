import { z } from 'zod';

/**
 * Why an officer opens a document or reveals a citizen's full numbers: kept in the access log or
 * the case's audit trail. Printable ASCII on one line (a document's reason travels as gRPC
 * metadata, `x-access-reason`, which carries nothing else; the reveal's keeps to the same rule).
 */
export const accessReason = (max: number, min = 3) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[\x20-\x7E]+$/, 'reason: letters, digits and punctuation without accents');
