import { AppError } from '@pandawa/errors';
import type { grpc } from '@pandawa/grpc';
import { ROLES, type Actor, type Role } from '../domain/case.types.js';

/**
 * The caller, from gRPC metadata: `x-actor-id`, `x-actor-role` and optionally `x-office-id`.
 * The gateway sets them from a verified token, the conversation service from the citizen it
 * acts for; the case service records them in the audit trail. Network policy keeps anyone else
 * from reaching this port.
 */
export function actorFrom(metadata: grpc.Metadata, requestOfficeId: string): Actor {
  const id = first(metadata, 'x-actor-id');
  const role = first(metadata, 'x-actor-role');
  if (!id || !role)
    throw new AppError('UNAUTHENTICATED', 'x-actor-id and x-actor-role are required', {
      reason: 'ACTOR_REQUIRED',
    });
  if (!(ROLES as readonly string[]).includes(role))
    throw new AppError('UNAUTHENTICATED', 'unknown actor role', { reason: 'UNKNOWN_ROLE' });
  const office = first(metadata, 'x-office-id');
  if (office && office !== requestOfficeId)
    throw new AppError('PERMISSION_DENIED', 'the caller belongs to another office', {
      reason: 'OTHER_OFFICE',
    });
  return { id, role: role as Role };
}

function first(metadata: grpc.Metadata, key: string): string {
  const value = metadata.get(key)[0];
  return value === undefined ? '' : value.toString().trim();
}
