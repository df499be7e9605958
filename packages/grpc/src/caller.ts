import * as grpc from '@grpc/grpc-js';
import { CALLER_ROLES, type Caller, type CallerRole } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';

/** Metadata keys that carry the caller (architecture §4); clients and servers use these names. */
export const CALLER_METADATA = {
  id: 'x-actor-id',
  role: 'x-actor-role',
  officeId: 'x-office-id',
  reason: 'x-access-reason',
} as const;

const KEYS = CALLER_METADATA;

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
  return metadata;
}
