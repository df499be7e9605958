import { isStaff, type Actor } from '../domain/case.types.js';
import type { CaseContext } from './case-context.js';
import { denied, invalid, notFound, requireOffice } from './case-guards.js';

/** The audit action of a reveal: who asked for the citizen's full numbers, when and why. */
export const IDENTITY_REVEALED = 'identity_revealed';

export interface RevealedIdentity {
  caseId: string;
  nik: string;
  kkNumber: string;
  revealedAt: Date;
}

/**
 * An officer of the case's office asks for the citizen's full NIK and KK number, to look the
 * citizen up in the population database (SIAK); every other answer masks them. The reveal is
 * written to the case's audit trail first — the actor, the time, the reason, which fields, never
 * their values — and the numbers are answered only once that write is stored: a failed write
 * reveals nothing. The phone and BSUID are not revealed: the desk reaches the citizen through
 * WhatsApp replies and needs neither (UU 27/2022: no more personal data than the purpose).
 */
export async function revealCitizenIdentity(
  ctx: CaseContext,
  actor: Actor,
  officeId: string,
  caseId: string,
  reason: string,
): Promise<RevealedIdentity> {
  if (!isStaff(actor)) throw denied('only officers see the full numbers', 'OFFICER_ONLY');
  requireOffice(officeId);
  if (!caseId) throw invalid('case id is required', 'CASE_ID_REQUIRED');
  const at = ctx.now();
  // Both fields are named: every case has both from its intake (a missing one is answered empty).
  const doc = await ctx.store.recordAccess(officeId, caseId, {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    action: IDENTITY_REVEALED,
    before: null,
    after: { fields: ['nik', 'kkNumber'] },
    reason,
  });
  if (!doc) throw notFound();
  ctx.logger.info(
    { caseId, officeId, actorId: actor.id, action: IDENTITY_REVEALED },
    'case audited',
  );
  return {
    caseId,
    nik: doc.citizen.nik ?? '',
    kkNumber: doc.citizen.kkNumber ?? '',
    revealedAt: at,
  };
}
