import { OFFICER_ROLES, type Caller, type CallerRole } from '@pandawa/contracts';
import { AppError } from '@pandawa/errors';

export { OFFICER_ROLES };
/** Who is calling (`@pandawa/contracts`' Caller); `reason` is required for reads of content. */
export type Actor = Caller;
export type ActorRole = CallerRole;

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

/**
 * Who may see stored documents: officers, and services acting for them. Not a citizen caller:
 * a document knows its citizen only by an opaque reference (never the WhatsApp id a citizen
 * caller carries), so ownership cannot be checked here, and no citizen flow reads documents back.
 */
export const DOCUMENT_READER_ROLES: readonly ActorRole[] = [...OFFICER_ROLES, 'service'];

export function assertReason(actor: Actor): void {
  if (!actor.reason.trim())
    throw new AppError('INVALID_ARGUMENT', 'x-access-reason is required to open a document', {
      reason: 'ACCESS_REASON_REQUIRED',
    });
}
