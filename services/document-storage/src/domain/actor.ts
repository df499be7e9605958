import { AppError } from '@pandawa/errors';

// The same roles the case service knows: citizens act through the conversation service.
export const ACTOR_ROLES = ['officer', 'supervisor', 'admin', 'citizen', 'service'] as const;
export const OFFICER_ROLES = ['officer', 'supervisor', 'admin'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who is calling, as the edge (gateway, conversation) vouches for it. */
export interface Actor {
  id: string;
  role: ActorRole;
  officeId: string;
  /** Why the caller is looking; required for reads of content. */
  reason: string;
}

/** A caller sees only its own office: anything else looks like it does not exist. */
export function assertOffice(actor: Actor, officeId: string): void {
  if (!officeId)
    throw new AppError('INVALID_ARGUMENT', 'office_id is required', { reason: 'OFFICE_REQUIRED' });
  if (actor.officeId !== officeId)
    throw new AppError('PERMISSION_DENIED', 'caller is not scoped to this office', {
      reason: 'OFFICE_MISMATCH',
    });
}

export function assertRole(actor: Actor, allowed: readonly ActorRole[]): void {
  if (!allowed.includes(actor.role))
    throw new AppError('PERMISSION_DENIED', `role ${actor.role} may not do this`, {
      reason: 'ROLE_NOT_ALLOWED',
    });
}

export function assertReason(actor: Actor): void {
  if (!actor.reason.trim())
    throw new AppError('INVALID_ARGUMENT', 'x-access-reason is required to open a document', {
      reason: 'ACCESS_REASON_REQUIRED',
    });
}
