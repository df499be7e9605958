import * as grpc from '@grpc/grpc-js';
import {
  BSUID_PATTERN,
  CALLER_ROLES,
  PHONE_PATTERN,
  citizenKey,
  type Caller,
  type CallerRole,
} from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';

/** Metadata keys that carry the caller (architecture §4); clients and servers use these names. */
export const CALLER_METADATA = {
  id: 'x-actor-id',
  role: 'x-actor-role',
  officeId: 'x-office-id',
  reason: 'x-access-reason',
  citizenBsuid: 'x-citizen-bsuid',
  citizenPhone: 'x-citizen-phone',
} as const;

const KEYS = CALLER_METADATA;

const badCitizen = (message: string) =>
  new AppError('UNAUTHENTICATED', message, { reason: 'CITIZEN_IDENTITY_INVALID' });

/**
 * A citizen caller's identity (architecture §4): `x-citizen-bsuid` / `x-citizen-phone` when
 * given, else the one `x-actor-id` names (a BSUID or, from callers older than BSUIDs, a phone
 * number). The actor id must be the identity's citizen key, so the two cannot disagree.
 */
function citizenOf(metadata: grpc.Metadata, id: string): NonNullable<Caller['citizen']> {
  const bsuid = first(metadata, KEYS.citizenBsuid);
  const phone = first(metadata, KEYS.citizenPhone);
  const identity =
    bsuid || phone
      ? { ...(bsuid ? { bsuid } : {}), ...(phone ? { phone } : {}) }
      : BSUID_PATTERN.test(id)
        ? { bsuid: id }
        : { phone: id };
  if (identity.bsuid !== undefined && !BSUID_PATTERN.test(identity.bsuid))
    throw badCitizen(`${KEYS.citizenBsuid} is not a BSUID`);
  if (identity.phone !== undefined && !PHONE_PATTERN.test(identity.phone))
    throw badCitizen('the citizen phone number is not a WhatsApp number');
  if (citizenKey(identity) !== id)
    throw badCitizen(`${KEYS.id} must be the citizen's key (the BSUID, else the phone number)`);
  return identity;
}

function first(metadata: grpc.Metadata, key: string): string {
  const value = metadata.get(key)[0];
  return value === undefined ? '' : value.toString().trim();
}

/**
 * Reads the caller from a call's metadata. The gateway sets it from a verified token, the
 * conversation service for the citizen it acts for; network policy keeps anyone else off the
 * port. Every call is scoped to one office: a caller of another office is refused here, so no
 * handler can forget the check.
 */
export function callerFromMetadata(metadata: grpc.Metadata, requestOfficeId: string): Caller {
  const id = first(metadata, KEYS.id);
  const role = first(metadata, KEYS.role);
  if (!id || !role) {
    throw new AppError('UNAUTHENTICATED', `${KEYS.id} and ${KEYS.role} are required`, {
      reason: 'ACTOR_REQUIRED',
    });
  }
  if (!(CALLER_ROLES as readonly string[]).includes(role)) {
    throw new AppError('UNAUTHENTICATED', 'unknown actor role', { reason: 'UNKNOWN_ROLE' });
  }
  if (!requestOfficeId) {
    throw new AppError('INVALID_ARGUMENT', 'office_id is required', { reason: 'OFFICE_REQUIRED' });
  }
  const officeId = first(metadata, KEYS.officeId) || requestOfficeId;
  if (officeId !== requestOfficeId) {
    throw new AppError('PERMISSION_DENIED', 'the caller belongs to another office', {
      reason: 'OTHER_OFFICE',
    });
  }
  return {
    id: id.slice(0, 200),
    role: role as CallerRole,
    officeId,
    reason: first(metadata, KEYS.reason).slice(0, 500),
    ...(role === 'citizen' ? { citizen: citizenOf(metadata, id) } : {}),
  };
}

/**
 * The caller as it names itself, in its own office (the `x-office-id` it sent), or undefined
 * when the metadata does not name a valid caller. For recording a call refused because the
 * caller belongs to another office: who it was is still known.
 */
export function callerInOwnOffice(metadata: grpc.Metadata): Caller | undefined {
  try {
    return callerFromMetadata(metadata, first(metadata, KEYS.officeId));
  } catch {
    return undefined;
  }
}

/** The metadata a client sends to say who is calling. */
export function callerMetadata(
  caller: Partial<Caller> & Pick<Caller, 'id' | 'role'>,
): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set(KEYS.id, caller.id);
  metadata.set(KEYS.role, caller.role);
  if (caller.officeId) metadata.set(KEYS.officeId, caller.officeId);
  if (caller.reason) metadata.set(KEYS.reason, caller.reason);
  if (caller.citizen?.bsuid) metadata.set(KEYS.citizenBsuid, caller.citizen.bsuid);
  if (caller.citizen?.phone) metadata.set(KEYS.citizenPhone, caller.citizen.phone);
  return metadata;
}
