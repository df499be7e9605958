import { callUnary } from '@pandawa/grpc';
import { z } from 'zod';
import { asOfficer } from '../../../grpc/desk.clients.js';
import { route, type AnyRoute } from '../api-route.js';
import { caseIdParam, versionOnlyBody } from './case-actions.schemas.js';
import { caseDetail, toCaseDetail, type CaseOut } from './case-detail.interim.js';
import type { DeskDeps } from './desk.routes.js';

const blankToNull = (s: string | undefined) => (s ? s : null);

/** The citizen's request for an officer (architecture §6.1), as the desk shows it. */
const handoff = z
  .object({
    /** The citizen waits for an officer: the bot is quiet on this case. */
    active: z.boolean(),
    requestedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    /** The account that handed the conversation back. */
    endedBy: z.string().nullable(),
  })
  .meta({ id: 'CaseHandoff' });

const handBackResponse = caseDetail.extend({ handoff }).meta({ id: 'CaseAfterHandBack' });

function toHandBack(c: CaseOut): z.input<typeof handBackResponse> {
  return {
    ...toCaseDetail(c),
    handoff: {
      active: c.handoff?.active ?? false,
      requestedAt: blankToNull(c.handoff?.requestedAt),
      endedAt: blankToNull(c.handoff?.endedAt),
      endedBy: blankToNull(c.handoff?.endedBy),
    },
  };
}

/**
 * The officer gives the conversation back to the bot while the case stays open (HandBackToBot):
 * the citizen's next message is answered by the bot again, which tells them so. A case whose
 * citizen is not waiting for an officer is answered unchanged.
 */
export function handoffRoutes(deps: DeskDeps): AnyRoute[] {
  const cases = deps.clients.cases;
  return [
    route({
      method: 'post',
      path: '/cases/:caseId/hand-back',
      operationId: 'handBackToBot',
      summary:
        'Hands the conversation back to the bot; the case stays open (no-op if not handed off)',
      tag: 'case desk',
      access: 'officer',
      params: caseIdParam,
      body: versionOnlyBody,
      response: handBackResponse,
      // NOT_FOUND (another office's case too) 404; a stale expectedVersion ABORTED 409.
      errors: [404, 409],
      handler: async ({ params, body, officer }) =>
        toHandBack(
          await callUnary(
            cases,
            cases.handBackToBot,
            {
              officeId: officer.officeId,
              caseId: params.caseId,
              expectedVersion: body.expectedVersion ?? 0,
            },
            asOfficer(officer, deps.clients.deadlineMs),
          ),
        ),
    }),
  ];
}
