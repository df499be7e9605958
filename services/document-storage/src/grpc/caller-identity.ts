import { AppError } from '@pandawa/errors';
import type { grpc } from '@pandawa/grpc';
import { ACTOR_ROLES, type Actor, type ActorRole } from '../domain/actor.js';

/**
 * The caller, from gRPC metadata: `x-actor-id`, `x-actor-role`, `x-office-id` (defaults to the
 * request's office) and `x-access-reason`. The gateway sets them from a verified token, the
 * conversation service for the citizen it acts for; network policy keeps anyone else off this
 * port. They end up in the access log.
 */
export function callerFrom(metadata: grpc.Metadata, requestOfficeId: string): Actor {
  const id = first(metadata, 'x-actor-id');
  const role = first(metadata, 'x-actor-role');
  if (!id || !role)
    throw new AppError('UNAUTHENTICATED', 'x-actor-id and x-actor-role are required', {
      reason: 'ACTOR_REQUIRED',
    });
  if (!(ACTOR_ROLES as readonly string[]).includes(role))
    throw new AppError('UNAUTHENTICATED', 'unknown actor role', { reason: 'UNKNOWN_ROLE' });
  return {
    id: id.slice(0, 200),
    role: role as ActorRole,
    officeId: first(metadata, 'x-office-id') || requestOfficeId,
    reason: first(metadata, 'x-access-reason').slice(0, 500),
  };
}

function first(metadata: grpc.Metadata, key: string): string {
  const value = metadata.get(key)[0];
  return value === undefined ? '' : value.toString().trim();
}
