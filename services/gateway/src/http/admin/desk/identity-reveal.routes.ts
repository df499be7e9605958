import { CASE_LIMITS } from '@pandawa/contracts';
import { z } from 'zod';
import { revealIdentity, type RevealDeps } from '../../../application/desk/reveal-identity.js';
import { route, type AnyRoute } from '../api-route.js';
import { accessReason } from './access-reason.js';
import { caseIdParam } from './case.schemas.js';

const revealBody = z
  .object({
    reason: accessReason(CASE_LIMITS.revealReason, CASE_LIMITS.revealReasonMin).describe(
      'Why you need the full numbers (e.g. "cek NIK di SIAK"): kept in the case’s audit trail',
    ),
  })
  .strict();

const digits = z
  .string()
  .regex(/^\d{16}$/)
  .nullable();

export const revealedIdentity = z
  .object({
    caseId: z.string(),
    /** The full NIK (16 digits); null when the case has none. */
    nik: digits,
    kkNumber: digits,
    /** When the reveal was recorded in the case's audit trail. */
    revealedAt: z.iso.datetime(),
  })
  .meta({ id: 'RevealedCitizenIdentity' });

/**
 * `POST /cases/{caseId}/identity/reveal` (architecture §8): the citizen's full NIK and KK number,
 * for an officer who must look the citizen up in the population database; every other answer
 * shows them masked. The phone and BSUID are not revealed: the desk answers the citizen through
 * WhatsApp and needs neither. Never cached.
 */
export function identityRevealRoutes(deps: RevealDeps): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/cases/:caseId/identity/reveal',
      operationId: 'revealCitizenIdentity',
      summary:
        'The citizen’s full NIK and KK number of a case of your office (to check them in SIAK): the reveal is recorded in the case’s audit trail with your reason before they are answered; each officer may reveal a bounded number per hour (REVEAL_MAX_PER_ACCOUNT, default 30; 429 beyond it)',
      tag: 'cases',
      access: 'officer',
      params: caseIdParam,
      body: revealBody,
      response: revealedIdentity,
      errors: [404],
      handler: async ({ params, body, officer, res }) => {
        const revealed = await revealIdentity(deps, officer, params.caseId, body.reason);
        res.setHeader('cache-control', 'no-store');
        res.setHeader('pragma', 'no-cache');
        return {
          caseId: revealed.caseId,
          nik: revealed.nik || null,
          kkNumber: revealed.kkNumber || null,
          revealedAt: revealed.revealedAt,
        };
      },
    }),
  ];
}
