import {
  BSUID_PATTERN,
  CASE_LIMITS,
  COMMON_LIMITS,
  IDENTITY_LIMITS,
  PHONE_PATTERN,
} from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';
import { checkRequestBounds, type FieldBounds } from '@pandawa/grpc';
import type { NotificationMethod, Req } from './notification.proto-types.js';

/**
 * The bound of every field of every NotificationService request (packages/contracts limits), by
 * the name handlers see. A test checks that each string and repeated field of
 * notification.proto is here.
 */
export const NOTIFICATION_REQUEST_BOUNDS: FieldBounds = {
  officeId: { max: COMMON_LIMITS.officeId },
  'citizen.bsuid': { max: IDENTITY_LIMITS.bsuid },
  'citizen.phone': { max: IDENTITY_LIMITS.phone },
  trackingCode: { max: CASE_LIMITS.trackingCode },
};

/** What every NotificationService request carries: its office and the citizen it is about. */
export interface ScopedRequest {
  officeId: string;
  citizen?: { bsuid?: string; phone?: string } | null;
}

const invalid = (message: string, reason: string, field: string) =>
  new AppError('INVALID_ARGUMENT', message, { reason, details: { field } });

/**
 * Refuses a request that breaks a bound, or names a citizen in a shape WhatsApp never gives,
 * before anything is read. The callers are officers' tools: the wording is English.
 */
export function validateNotificationRequest<M extends NotificationMethod>(
  _method: M,
  req: Req<M> & ScopedRequest,
): { bsuid?: string; phone?: string } {
  checkRequestBounds(req, NOTIFICATION_REQUEST_BOUNDS);
  const bsuid = req.citizen?.bsuid ?? '';
  const phone = req.citizen?.phone ?? '';
  if (!bsuid && !phone)
    throw invalid('citizen needs a bsuid or a phone', 'CITIZEN_REQUIRED', 'citizen');
  if (bsuid && !BSUID_PATTERN.test(bsuid))
    throw invalid('citizen.bsuid is not a BSUID', 'CITIZEN_IDENTITY_INVALID', 'citizen.bsuid');
  if (phone && !PHONE_PATTERN.test(phone))
    throw invalid(
      'citizen.phone is not a WhatsApp number',
      'CITIZEN_IDENTITY_INVALID',
      'citizen.phone',
    );
  return { ...(bsuid ? { bsuid } : {}), ...(phone ? { phone } : {}) };
}
